using System.Text;
using AgenticIR.Core.State;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing;
using AgenticIR.Worker.Inputs;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Replay;

/// <summary>Kills the real executable (SIGKILL) while it dead-letters malformed inputs, at exact points, and runs it again.</summary>
public sealed class DeadLetterCrashTests
{
    // The process kills itself right after the state store's Nth commit of each run (see CrashInjection).
    private static readonly int[] KillAfterCommits = [1, 3, 6, 10];
    private const int SigKillExitCode = 128 + 9;

    [Fact]
    public async Task Replay_KilledWhileDeadLettering_RerunStoresEveryDeadLetterExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("agentic-ir-dl-kill-");
        var input = Path.Combine(work.FullName, "malformed.jsonl");
        await File.WriteAllBytesAsync(input, MalformedLines(40), ct);
        var db = Path.Combine(work.FullName, "state.db");
        var summary = Path.Combine(work.FullName, "summary.jsonl");
        var keys = InputReader.Read(input, null).Select(i => i.Key).ToList();
        Assert.Equal(40, keys.Count);

        var previous = 0;
        foreach (var commits in KillAfterCommits)
        {
            var environment = new Dictionary<string, string> { ["AGENTICIR_TEST_KILL_AFTER_COMMITS"] = commits.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var (exitCode, output) = await RunAsync(work.FullName, environment, input, db, summary, ct);
            Assert.True(exitCode == SigKillExitCode, $"run meant to be killed after {commits} commits exited {exitCode}: {output}");

            // Whatever the kill interrupted, every stored dead letter has its ledger row and no input has two letters.
            var (letters, deadLettered) = await ReadStoreAsync(db, keys, ct);
            Assert.Equal(deadLettered.Count, letters.Count);
            Assert.Equal(letters.Count, letters.Select(l => l.Source).Distinct(StringComparer.Ordinal).Count());
            Assert.All(letters, l => Assert.Contains(l.Source, deadLettered));
            Assert.True(letters.Count > previous, $"the run killed after {commits} commits stored nothing new");
            previous = letters.Count;
        }
        Assert.True(previous < keys.Count, "the killed runs took every input; the final run proves nothing");

        var (finalExit, finalOutput) = await RunAsync(work.FullName, new Dictionary<string, string>(), input, db, summary, ct);
        Assert.True(finalExit == 0, finalOutput);

        var (stored, ledger) = await ReadStoreAsync(db, keys, ct);
        Assert.Equal(keys.Order(StringComparer.Ordinal), stored.Select(l => l.Source).Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, ledger.Count);
        Assert.All(stored, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
        // The final run lists every input: those the killed runs took as already recorded, the rest as new dead letters.
        var lines = File.ReadAllLines(summary);
        Assert.Equal(keys.Count, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"status\":\"dead_lettered\"", l, StringComparison.Ordinal));
        Assert.Equal(previous, lines.Count(l => l.Contains("\"previously_recorded\":true", StringComparison.Ordinal)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
    }

    // Forty inputs that all fail before any investigation: broken JSON, empty arrays, scalars and invalid UTF-8.
    private static byte[] MalformedLines(int count)
    {
        using var buffer = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            byte[] line = (i % 4) switch
            {
                0 => Encoding.UTF8.GetBytes($$"""{"title": "broken {{i}}", "src_ip": """),
                1 => Encoding.UTF8.GetBytes($"[] "),
                2 => Encoding.UTF8.GetBytes($"{1000 + i}"),
                _ => [.. Encoding.UTF8.GetBytes($$"""{"title": "bad bytes {{i}} """), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()],
            };
            buffer.Write(line);
            buffer.WriteByte((byte)'\n');
        }
        return buffer.ToArray();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string work, Dictionary<string, string> environment, string input, string db, string summary, CancellationToken ct)
    {
        using var process = CliProcess.Start(work, environment, "replay", input, "--home", RepoPaths.Root, "--db", db,
            "--out", Path.Combine(work, "reports"), "--summary-json", summary, "--lanes", "1", "--quiet");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<(IReadOnlyList<DeadLetter> Letters, HashSet<string> DeadLettered)> ReadStoreAsync(string db, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = db }, TimeProvider.System);
        await store.InitializeAsync(ct);
        var letters = await store.ListDeadLettersAsync(10_000, ct);
        var deadLettered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await store.GetIntakeAsync(key, ct) is { } intake)
            {
                Assert.Equal(IntakeStatus.DeadLettered, intake.Status);
                deadLettered.Add(key);
            }
        }
        return (letters, deadLettered);
    }
}
