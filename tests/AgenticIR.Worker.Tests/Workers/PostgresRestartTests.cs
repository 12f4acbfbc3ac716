using AgenticIR.Core.Audit;
using AgenticIR.Storage;
using AgenticIR.Storage.Postgres;
using AgenticIR.Testing;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary>A worker on PostgreSQL while the server restarts: the stream waits for it and resumes, and nothing is taken
/// twice or lost. The test starts a cluster of its own, so stopping it never disturbs the server other tests share.</summary>
public sealed class PostgresRestartTests : IAsyncDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-pg-restart-");
    private readonly ThrowawayPostgresCluster _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_ServerStoppedAndStartedMidRun_EveryAlertTakenExactlyOnceAndAuditChainIntact()
    {
        var connection = await _server.StartAsync(Ct);
        // Every sample twice under two names (the copy merges into the first's investigation) and one poison input.
        var inbox = Directory.CreateDirectory(Path.Combine(_work.FullName, "inbox"));
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "alerts")).Order(StringComparer.Ordinal).ToList();
        foreach (var sample in samples)
            foreach (var copy in new[] { "a", "b" })
                File.Copy(sample, Path.Combine(inbox.FullName, $"{copy}-{Path.GetFileName(sample)}"));
        await File.WriteAllTextAsync(Path.Combine(inbox.FullName, "z-poison.json"), "{\"not\": \"an alert\"", Ct);
        var inputs = samples.Count * 2 + 1;
        await using var harness = await ReplayHarness.CreateAsync(work: _work, cancellationToken: Ct, overrides: services =>
        {
            services.Configure<StorageOptions>(o => o.Backend = StorageOptions.PostgresBackend);
            services.Configure<PostgresStoreOptions>(o =>
            {
                o.ConnectionString = connection;
                o.RetryWindow = TimeSpan.FromSeconds(60);
            });
        });

        var replay = harness.ReplayAsync([inbox.FullName], Ct);
        // Mid-run: some inputs taken, most not yet.
        await WaitAsync(async () => replay.IsCompleted || await IntakeCountAsync(connection) >= 4, "the replay to take its first inputs");
        var takenBeforeStop = await IntakeCountAsync(connection);
        Assert.False(replay.IsCompleted, "the replay finished before the server could be stopped");
        await _server.DownAsync(Ct);
        await _server.UpAsync(Ct);
        var run = await replay.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.True(takenBeforeStop < inputs, $"{takenBeforeStop} of {inputs} inputs were taken before the stop");
        Assert.Equal(inputs, run.Result.Count("processed") + run.Result.Count("merged") + run.Result.Count("dead_lettered"));
        Assert.Equal(1, run.Result.Count("dead_lettered"));
        await using var database = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await database.OpenAsync(Ct);
        // Each input in the ledger once, with the outcome the replay reported; one investigation per processed input;
        // one dead letter (the poison input), none for a stage; nothing left unfinished.
        Assert.Equal(inputs, await ScalarAsync(database, "SELECT COUNT(*) FROM intake;"));
        Assert.Equal(run.Result.Count("processed"), await ScalarAsync(database, "SELECT COUNT(*) FROM intake WHERE status = 'processed';"));
        Assert.Equal(run.Result.Count("merged"), await ScalarAsync(database, "SELECT COUNT(*) FROM intake WHERE status = 'merged';"));
        Assert.Equal(run.Result.Count("processed"), await ScalarAsync(database, "SELECT COUNT(*) FROM investigations;"));
        Assert.Equal(1, await ScalarAsync(database, "SELECT COUNT(*) FROM dead_letters;"));
        Assert.Empty(await harness.Pipeline.Store.ListUnfinishedAsync(Ct));
        var verification = await harness.Pipeline.Get<IAuditTrail>().VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, $"{verification.BreakCount} break(s) in the audit chain");
        Assert.True(verification.RecordsRead > 0);
    }

    private static async Task<long> IntakeCountAsync(string connection)
    {
        await using var database = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await database.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM intake;", database);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection database, string sql)
    {
        await using var command = new NpgsqlCommand(sql, database);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"gave up waiting for {what}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
