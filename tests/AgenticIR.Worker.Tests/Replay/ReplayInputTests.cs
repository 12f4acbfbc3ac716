using System.Text;
using AgenticIR.Core.Investigation;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Replay;

public sealed class ReplayInputTests
{
    private static readonly string[] Outcomes = ["processed", "merged", "dead_lettered"];
    private static readonly string[] MustDeadLetter = ["truncated.json", "empty.json", "number.json", "latin1.json", "lines.jsonl:2"];

    [Fact]
    public async Task Replay_MalformedInputs_AreDeadLetteredWithReasonAndNothingIsDropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("agentic-ir-bad-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "truncated.json"), """{"search_name": "Endpoint - Malware", "src": "10.1.2.3", "dest""", ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "empty.json"), "", ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "number.json"), "12345", ct);
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "latin1.json"), [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xE9, 0xFF, 0x22, 0x7D], ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "lines.jsonl"), "{\"title\": \"ok\", \"src_ip\": \"185.220.101.4\"}\n{broken\n", ct);
        var huge = "{\"title\": \"huge\", \"description\": \"" + new string('A', 10 * 1024 * 1024) + "\", \"src_ip\": \"185.220.101.5\"}";
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "huge.json"), huge, ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "wrongtypes.json"), """{"title": 42, "severity": {"nested": true}, "src_ip": [1, 2], "user": null}""", ct);

        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var result = await harness.ReplayAsync([folder.FullName], ct);

        Assert.Equal(8, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.Contains(l.Status, Outcomes));
        Assert.All(result.Lines.Where(l => l.Status == "dead_lettered"), l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
        foreach (var input in MustDeadLetter)
            Assert.Equal("dead_lettered", result.Lines.Single(l => l.Input == input).Status);
        Assert.Contains("UTF-8", result.Lines.Single(l => l.Input == "latin1.json").Reason, StringComparison.Ordinal);
        Assert.Equal("processed", result.Lines.Single(l => l.Input == "lines.jsonl:1").Status);

        var deadLetters = await harness.Pipeline.Store.ListDeadLettersAsync(100, ct);
        Assert.Equal(result.Count("dead_lettered"), deadLetters.Count);
        Assert.All(deadLetters, d => Assert.Equal(64, d.PayloadSha256.Length));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Replay_UnknownForcedFormat_DeadLettersNamingTheFormat()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var sample = Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json");
        var result = await harness.ReplayAsync([sample], ct, format: "no_such_format");
        var line = Assert.Single(result.Lines);
        Assert.Equal("dead_lettered", line.Status);
        Assert.Contains("no_such_format", line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DevelopmentCorpus_EveryPayloadProcessedOrDeadLetteredWithReason()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(RepoPaths.Corpus), $"corpus not found at {RepoPaths.Corpus}; set AGENTICIR_CORPUS");
        var expected = File.ReadLines(RepoPaths.Corpus).Count(l => l.Trim().Length > 0);
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var result = await harness.ReplayAsync([RepoPaths.Corpus], ct);
        Assert.Equal(expected, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.True(l.Status is "processed" or "merged" || (l.Status == "dead_lettered" && !string.IsNullOrWhiteSpace(l.Reason)), $"{l.Input}: {l.Status} {l.Reason}"));
        Assert.True(result.Count("processed") >= expected * 3 / 4, $"only {result.Count("processed")} of {expected} corpus payloads became investigations");
    }

    [Fact]
    public async Task Replay_PolicyWithMaxStepsThree_StopsEveryInvestigationAtThreeSteps()
    {
        var ct = TestContext.Current.CancellationToken;
        var policy = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Config, "governance.yaml"), ct);
        Assert.Contains("max_steps: 20", policy, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"governance-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, policy.Replace("max_steps: 20", "max_steps: 3", StringComparison.Ordinal), Encoding.UTF8, ct);
        await using var harness = await ReplayHarness.CreateAsync(path, cancellationToken: ct);
        var result = await harness.ReplayAsync([Path.Combine(RepoPaths.Samples, "alerts")], ct);
        var reports = new List<InvestigationReport>();
        foreach (var id in result.Lines.Select(l => l.InvestigationId).Distinct())
            reports.Add((await harness.InvestigationAsync(id!, ct)).Report!);
        Assert.All(reports, r => Assert.True(r.Steps.Count <= 3, $"{r.Steps.Count} steps"));
        Assert.All(reports.Where(r => r.StopReason == StopReason.StepBudget), r => Assert.Equal(3, r.Steps.Count));
        Assert.Contains(reports, r => r.StopReason == StopReason.StepBudget);
        File.Delete(path);
    }

    [Fact]
    public async Task Replay_ReportLostInACrash_IsRewrittenByTheNextRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var sample = Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json");
        var first = await harness.ReplayAsync([sample], ct);
        var id = Assert.Single(first.Lines).InvestigationId!;
        var markdown = Path.Combine(harness.ReportsFolder, id + ".md");
        Assert.True(File.Exists(markdown));
        File.Delete(markdown);

        var second = await harness.ReplayAsync([sample], ct);

        Assert.True(Assert.Single(second.Lines).PreviouslyRecorded);
        Assert.True(File.Exists(markdown), "the missing report was not rewritten");
    }
}
