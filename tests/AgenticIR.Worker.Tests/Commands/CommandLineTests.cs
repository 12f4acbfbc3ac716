using System.Text.Json;
using AgenticIR.Core.State;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Commands;

public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-cli-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }

    [Fact]
    public async Task Validate_ShippedDefinitions_ExitsZero()
    {
        var (code, output) = await CliProcess.RunAsync(_work.FullName, TestContext.Current.CancellationToken, CliProcess.WithHome("validate"));
        Assert.True(code == 0, output);
        Assert.Contains("mappings", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenPolicy_ExitsOneListingEveryErrorWithFileLineAndField()
    {
        var ct = TestContext.Current.CancellationToken;
        var policy = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Config, "governance.yaml"), ct);
        var broken = policy.Replace("max_steps: 20", "max_steps: -4", StringComparison.Ordinal)
            .Replace("kill_switch:", "kill_switch:\n  surprise_key: true", StringComparison.Ordinal);
        var path = Path.Combine(_work.FullName, "governance.yaml");
        await File.WriteAllTextAsync(path, broken, ct);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("validate", "--policy", path));

        Assert.Equal(1, code);
        Assert.Contains("circuit_breakers.per_investigation.max_steps", output, StringComparison.Ordinal);
        Assert.Contains("kill_switch.surprise_key", output, StringComparison.Ordinal);
        Assert.Contains(path + ":", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PlaybookEntryOffForEverySeverity_ExitsZeroWithAWarningAtTheEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        var policy = Path.Combine(_work.FullName, "governance.yaml");
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), policy);
        await File.WriteAllTextAsync(Path.Combine(_work.FullName, "playbooks.yaml"), """
            playbooks:
              - name: phishing_triage
                match: { labels: [phishing] }
                mode: shadow
                by_severity: { informational: off, low: off, medium: off, high: off, critical: off }
            """, ct);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("validate", "--policy", policy));

        Assert.True(code == 0, output);
        Assert.Contains("warning: " + Path.Combine(_work.FullName, "playbooks.yaml") + ":5:", output, StringComparison.Ordinal);
        Assert.Contains("'phishing_triage' is off for every severity", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_XsoarEntryNamingAnUnconfiguredInstance_ExitsOneAtTheInstanceLine()
    {
        var ct = TestContext.Current.CancellationToken;
        var policy = Path.Combine(_work.FullName, "governance.yaml");
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), policy);
        await File.WriteAllTextAsync(Path.Combine(_work.FullName, "soar.yaml"), """
            splunk_soar: []
            xsoar:
              - name: onprem
                base_url: https://xsoar.example.com
                api_key_env: AGENTICIR_XSOAR_ONPREM_KEY
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(_work.FullName, "playbooks.yaml"), """
            playbooks:
              - name: xsoar_phishing
                platform: xsoar
                instance: cloud
                match: { incident_types: [Phishing] }
                mode: shadow
            """, ct);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("validate", "--policy", policy));

        Assert.True(code == 1, output);
        Assert.Contains(Path.Combine(_work.FullName, "playbooks.yaml") + ":4:", output, StringComparison.Ordinal);
        // The console wraps long lines: read the message with its line breaks folded back into spaces.
        Assert.Contains("'cloud' names no XSOAR instance in soar.yaml (its xsoar list has: onprem)",
            System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MaxInputBytesOption_DeadLettersALargerFileAndRejectsNonsense()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Path.Combine(_work.FullName, "state.db");
        var summary = Path.Combine(_work.FullName, "summary.jsonl");
        var big = Path.Combine(_work.FullName, "big.json");
        await File.WriteAllTextAsync(big, "{\"title\":\"big\",\"src_ip\":\"45.155.205.233\",\"description\":\"" + new string('A', 5000) + "\"}", ct);

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("replay", big, "--db", db, "--summary-json", summary, "--max-input-bytes", "4096"));
        var (badCode, badOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("replay", big, "--db", db, "--max-input-bytes", "12"));

        Assert.True(code == 0, output);
        var line = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(summary, ct))).RootElement;
        Assert.Equal("dead_lettered", line.GetProperty("status").GetString());
        Assert.StartsWith($"input is {new FileInfo(big).Length} bytes, above the maximum of 4096 bytes", line.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, badCode);
        Assert.Contains("between 1024 and", badOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AfterReplay_PrintsTheWholeReasoningChain()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Path.Combine(_work.FullName, "state.db");
        var summary = Path.Combine(_work.FullName, "summary.jsonl");
        var sample = Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json");
        var (replayCode, replayOutput) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("replay", sample, "--db", db, "--summary-json", summary));
        Assert.True(replayCode == 0, replayOutput);
        using var line = JsonDocument.Parse(File.ReadLines(summary).Single());
        var id = line.RootElement.GetProperty("investigation_id").GetString()!;
        foreach (var field in new[] { "input", "status", "reason", "investigation_id", "format", "severity", "source_severity", "confidence", "path", "observables", "mitre_techniques", "actions" })
            Assert.True(line.RootElement.TryGetProperty(field, out _), $"summary line lacks {field}");
        // Proofpoint's phishScore 100 is the vendor's own high, whatever triage concludes.
        Assert.Equal("high", line.RootElement.GetProperty("source_severity").GetString());

        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("show", id, "--db", db));

        Assert.True(code == 0, output);
        foreach (var part in new[] { "Triage", "asset_criticality", "threat_intel_lookup", "mailbox_search", "secure-login-micros0ft.com", "Plan", "block_domain", "Timeline" })
            Assert.Contains(part, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownInvestigation_ExitsTwo()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Path.Combine(_work.FullName, "empty.db");
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = db }, TimeProvider.System);
        await store.InitializeAsync(ct);
        var (code, output) = await CliProcess.RunAsync(_work.FullName, ct, CliProcess.WithHome("show", "inv-nope", "--db", db));
        Assert.Equal(2, code);
        Assert.Contains("inv-nope", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FileDroppedInInbox_IsInvestigatedAndMovedToProcessed()
    {
        var ct = TestContext.Current.CancellationToken;
        var inbox = Directory.CreateDirectory(Path.Combine(_work.FullName, "inbox")).FullName;
        var db = Path.Combine(_work.FullName, "run.db");
        using var worker = CliProcess.Start(_work.FullName, CliProcess.WithHome("run", "--inbox", inbox, "--db", db, "--poll-seconds", "1"));
        try
        {
            File.Copy(Path.Combine(RepoPaths.Samples, "alerts", "44-credential-dump-lsass-corp-fs01.json"), Path.Combine(inbox, "alert.json"));
            var processed = Path.Combine(inbox, "processed", "alert.json");
            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
            while (!File.Exists(processed) && !worker.HasExited && TimeProvider.System.GetUtcNow() < deadline) await Task.Delay(50, ct);
            Assert.True(File.Exists(processed), "the worker did not take the dropped file");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync(ct);
        }

        var store = new SqliteStateStore(new SqliteStoreOptions { Path = db }, TimeProvider.System);
        await store.InitializeAsync(ct);
        var investigation = Assert.Single(await store.ListAsync(10, ct));
        Assert.Equal(InvestigationStage.Documented, investigation.Stage);
    }
}
