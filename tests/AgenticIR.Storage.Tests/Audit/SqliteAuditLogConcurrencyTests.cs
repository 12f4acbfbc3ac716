using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Tests.Audit;

public sealed class SqliteAuditLogConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_ManyConcurrentTasks_OneIntactChainWithContiguousSequences()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        const int Tasks = 32;
        const int PerTask = 150;

        var results = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var mine = new List<AuditRecord>();
            for (var i = 0; i < PerTask; i++)
                mine.Add(await db.Log.AppendAsync(AuditEntries.Sample(t * PerTask + i) with { Target = $"task-{t}-{i}" }, Ct));
            return mine;
        }, Ct)));

        var all = results.SelectMany(r => r).OrderBy(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, Tasks * PerTask).Select(i => (long)i), all.Select(r => r.Sequence));
        // Each task sees its own appends in the order it made them.
        Assert.All(results, mine => Assert.Equal(mine.Select(r => r.Sequence).Order(), mine.Select(r => r.Sequence)));
        var stored = await db.Log.ReadAsync(1, Tasks * PerTask, Ct);
        Assert.Equal(all.Select(r => (r.Sequence, r.Hash, r.Entry.Target)), stored.Select(r => (r.Sequence, r.Hash, r.Entry.Target)));
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(Tasks * PerTask, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_TwoLogsOnOneFileInterleaving_StayOneIntactChain()
    {
        // Two instances with their own write gates and connection pools stand in for two processes: only BEGIN IMMEDIATE
        // and reading the tail inside the transaction keep them from forking the chain.
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var other = db.OpenLog(TimeSpan.FromSeconds(31));
        const int PerWriter = 300;

        var writers = new[] { db.Log, other }.SelectMany((log, w) => Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter / 4; i++)
                await log.AppendAsync(AuditEntries.Sample(i) with { AgentName = $"writer-{w}" }, Ct);
        }, Ct)));
        await Task.WhenAll(writers);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2 * PerWriter, verification.RecordsVerified);
        var stored = await other.ReadAsync(1, 10_000, Ct);
        Assert.Equal(PerWriter, stored.Count(r => r.Entry.AgentName == "writer-0"));
        Assert.Equal(PerWriter, stored.Count(r => r.Entry.AgentName == "writer-1"));
    }

    [Fact]
    public async Task AppendAsync_WhilePruning_EveryAppendCompletesAndChainStaysIntact()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var old = await db.AppendManyAsync(200, Ct);

        var appends = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++) await db.Log.AppendAsync(AuditEntries.Sample(i), Ct);
        }, Ct)).ToList();
        var prune = db.Log.PruneAsync(old[100].Timestamp, "alice", Ct);
        await Task.WhenAll([.. appends, prune]);

        Assert.Equal(100, (await prune).PrunedCount);
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(100 + 400 + 1, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_CancelledBeforeWriting_IsNotWrittenOrIsReported()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Log.AppendAsync(AuditEntries.Sample(1), cancelled.Token));
        var next = await db.Log.AppendAsync(AuditEntries.Sample(2), Ct);

        Assert.Equal(1, next.Sequence);
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }
}
