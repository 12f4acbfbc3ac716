using System.Globalization;
using System.Text.Json;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using Dapper;

namespace AgenticIR.Worker.Tests.Replay;

/// <summary>Kills the real executable (SIGKILL) at several points of a replay, wherever a commit of the state store or
/// the outbox lands (a stage's commit, which holds its decisions' audit records, before its messages are delivered;
/// between deliveries and their delivered marks…), reruns it to completion, and compares what left the store with an
/// uninterrupted run: the audit trail is the same record for record and verifies (a message redelivered after the kill
/// finds the receipt its save kept and adds nothing), and the metrics file holds every event exactly once.</summary>
public sealed class OutboxCrashTests
{
    // Commits of each killed run (state store and outbox; see CrashInjection). Each run resumes what the last one left.
    private static readonly int[] KillAfterCommits = [3, 8, 17, 30, 52, 77];
    private const int SigKillExitCode = 128 + 9;

    [Fact]
    public async Task Replay_KilledAtSeveralPointsThenRerun_AuditTrailAndMetricsSameAsAnUninterruptedRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("agentic-ir-outbox-kill-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "alerts"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(f)).RootElement)).ToList();
        // Two copies of every sample, each its own input: the second copies merge into the first ones' investigations.
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, 2).SelectMany(round => samples.Select(s => s.Insert(1, $"\"replay_round\":{round},"))), ct);

        var calm = Path.Combine(work.FullName, "calm");
        Assert.Equal(0, (await RunAsync(work.FullName, calm, input, null, ct)).ExitCode);

        var killed = Path.Combine(work.FullName, "killed");
        var runsThatLeftMessagesUndelivered = 0;
        foreach (var commits in KillAfterCommits)
        {
            var (exitCode, output) = await RunAsync(work.FullName, killed, input, commits, ct);
            Assert.True(exitCode == SigKillExitCode, $"run meant to be killed after {commits} commits exited {exitCode}: {output}");
            if (await PendingMessagesAsync(killed, ct) > 0) runsThatLeftMessagesUndelivered++;
        }
        Assert.True(runsThatLeftMessagesUndelivered > 0, "no kill left a saved message undelivered; the test proves nothing");
        Assert.True(await InvestigationsAsync(killed, ct) < await InvestigationsAsync(calm, ct), "the killed runs finished the replay; the final run proves nothing");
        var (finalExit, finalOutput) = await RunAsync(work.FullName, killed, input, null, ct);
        Assert.True(finalExit == 0, finalOutput);

        // The audit trail: the same records (who, what, on what, with which outcome, in which investigation).
        var expected = await AuditAsync(calm, ct);
        var actual = await AuditAsync(killed, ct);
        Assert.True(expected.Count > 100, $"only {expected.Count} audit records");
        Assert.Equal(expected, actual);
        var (verifyExit, verifyOutput) = await CliProcess.RunAsync(work.FullName, ct, CliProcess.WithHome("audit", "verify", "--db", Database(killed)));
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Equal(0, await PendingMessagesAsync(killed, ct));

        // Metrics: every event once. A message delivered again finds its events' ids already in the file (the sink is
        // idempotent by event_id, like the HEC outbox), so nothing is written twice.
        var calmEvents = Events(calm);
        var killedEvents = Events(killed);
        Assert.True(calmEvents.Count > 50, $"only {calmEvents.Count} metrics events");
        Assert.Equal(calmEvents.Count, calmEvents.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(calmEvents.Order(StringComparer.Ordinal), killedEvents.Order(StringComparer.Ordinal));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
    }

    private static string Database(string folder) => Path.Combine(folder, "state.db");

    private static async Task<(int ExitCode, string Output)> RunAsync(string work, string folder, string input, int? killAfterCommits, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>();
        if (killAfterCommits is { } n) environment["AGENTICIR_TEST_KILL_AFTER_COMMITS"] = n.ToString(CultureInfo.InvariantCulture);
        return await CliProcess.RunAsync(work, environment, ct, "replay", input, "--home", RepoPaths.Root, "--db", Database(folder),
            "--out", Path.Combine(folder, "reports"), "--metrics-jsonl", Path.Combine(folder, "metrics.jsonl"), "--lanes", "1", "--quiet");
    }

    private static async Task<List<string>> AuditAsync(string folder, CancellationToken ct)
    {
        using var log = new SqliteAuditLog(new SqliteStoreOptions { Path = Database(folder) }, TimeProvider.System);
        var records = await log.ReadAsync(1, 1_000_000, ct);
        // Timestamps and hashes differ between any two runs; what was recorded must not.
        return [.. records.Select(r => $"{r.Entry.AgentName}|{r.Entry.ActionType}|{r.Entry.Target}|{r.Entry.Outcome}|{r.Entry.InvestigationId}")
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<long> PendingMessagesAsync(string folder, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database(folder)};Pooling=False");
        await connection.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM bus_messages WHERE state = 'pending';", cancellationToken: ct));
    }

    private static async Task<long> InvestigationsAsync(string folder, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database(folder)};Pooling=False");
        await connection.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM investigations WHERE stage = 'documented';", cancellationToken: ct));
    }

    private static List<string> Events(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "metrics.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("event").GetProperty("event_id").GetString()!)];
}
