using System.Diagnostics;
using AgenticIR.Core.State;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing;
using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Tests.Replay;

/// <summary>Kills the real executable in the middle of a replay and runs it again.</summary>
public sealed class ReplayCrashRecoveryTests
{
    private static readonly InvestigationStage[] OnceOnlyStages =
        [InvestigationStage.Triaged, InvestigationStage.Investigated, InvestigationStage.Responded, InvestigationStage.Documented];

    [Fact]
    public async Task Replay_KilledMidRunAndRestarted_FinishesEveryAlertExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("agentic-ir-kill-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "alerts"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)).ToList();
        // Many copies, each tagged so every line is its own input; copies of one sample merge as duplicates.
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, 8).SelectMany(round => samples.Select(s => s.Insert(1, $"\"replay_round\":{round},"))), ct);
        var db = Path.Combine(work.FullName, "state.db");
        var summary = Path.Combine(work.FullName, "summary.jsonl");
        var expectedInputs = InputReader.Read(input, null).ToList();

        using (var first = Start(input, db, work.FullName, summary))
        {
            await WaitForLinesAsync(summary, 40, first, ct);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }
        var firstRunLines = File.ReadAllLines(summary).Length;
        Assert.InRange(firstRunLines, 40, expectedInputs.Count - 1);

        using (var second = Start(input, db, work.FullName, summary))
        {
            var output = await second.StandardOutput.ReadToEndAsync(ct);
            await second.WaitForExitAsync(ct);
            Assert.True(second.ExitCode == 0, output + await second.StandardError.ReadToEndAsync(ct));
        }

        var lines = File.ReadAllLines(summary);
        Assert.Equal(expectedInputs.Count, lines.Length);
        Assert.True(lines.Count(l => l.Contains("\"previously_recorded\":true", StringComparison.Ordinal)) >= 40);

        var store = new SqliteStateStore(new SqliteStoreOptions { Path = db }, TimeProvider.System);
        await store.InitializeAsync(ct);
        var investigations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in expectedInputs)
        {
            var intake = await store.GetIntakeAsync(item.Key, ct);
            Assert.NotNull(intake);
            Assert.NotEqual(IntakeStatus.DeadLettered, intake.Status);
            investigations.Add(intake.InvestigationId!);
        }
        Assert.Empty(await store.ListUnfinishedAsync(ct));
        foreach (var id in investigations)
        {
            // Saves within a stage (loop checkpoints, merged duplicates) are fine; entering a stage twice means it ran twice.
            var events = await store.ListStageEventsAsync(id, ct);
            var entered = events.Where((e, i) => i == 0 || events[i - 1].Stage != e.Stage).Select(e => e.Stage).ToList();
            foreach (var stage in OnceOnlyStages)
                Assert.True(entered.Count(s => s == stage) == 1, $"{id}: stage {stage} entered {entered.Count(s => s == stage)} times");
            var record = await store.GetAsync(id, ct);
            Assert.Equal(InvestigationStage.Documented, record!.Stage);
            // Reports queued but not yet written when the process died are rewritten by the next run.
            Assert.True(File.Exists(Path.Combine(work.FullName, "reports", id + ".md")), $"{id}: no Markdown report");
            Assert.True(File.Exists(Path.Combine(work.FullName, "reports", id + ".json")), $"{id}: no JSON report");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
    }

    private static Process Start(string input, string db, string work, string summary)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "agentic-ir.dll"), "replay", input, "--home", RepoPaths.Root, "--db", db,
                     "--out", Path.Combine(work, "reports"), "--summary-json", summary, "--lanes", "1", "--quiet" })
            info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start agentic-ir");
    }

    private static async Task WaitForLinesAsync(string file, int lines, Process process, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (TimeProvider.System.GetUtcNow() < deadline && !process.HasExited)
        {
            if (File.Exists(file) && CountLines(file) >= lines) return;
            await Task.Delay(20, ct);
        }
        Assert.Fail($"replay wrote fewer than {lines} lines before exiting or timing out");
    }

    private static int CountLines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is not null) count++;
        return count;
    }
}
