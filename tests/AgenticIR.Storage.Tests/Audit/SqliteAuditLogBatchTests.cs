using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Tests.Audit;

public sealed class SqliteAuditLogBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendBatchAsync_ConcurrentWithOtherAppenders_EachBatchConsecutiveInItsOrderAndChainIntact()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        // Through the port, as the decision auditor calls it: the log's own batch must be the one that runs.
        IAuditLog log = db.Log;
        const int Tasks = 8;
        const int Rounds = 20;
        const int BatchSize = 6;

        var batches = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var mine = new List<IReadOnlyList<AuditRecord>>();
            for (var round = 0; round < Rounds; round++)
            {
                await log.AppendAsync(AuditEntries.Sample(round) with { Target = $"single-{t}-{round}" }, Ct);
                var entries = Enumerable.Range(0, BatchSize).Select(i => AuditEntries.Sample(i) with { Target = $"batch-{t}-{round}-{i}" }).ToList();
                mine.Add(await log.AppendBatchAsync(entries, Ct));
            }
            return mine;
        }, Ct)));

        foreach (var batch in batches.SelectMany(b => b))
        {
            Assert.Equal(BatchSize, batch.Count);
            Assert.Equal(Enumerable.Range(0, BatchSize).Select(i => batch[0].Sequence + i), batch.Select(r => r.Sequence));
            Assert.Equal(Enumerable.Range(0, BatchSize).Select(i => $"{batch[0].Entry.Target[..^2]}-{i}"), batch.Select(r => r.Entry.Target));
        }
        var stored = await db.Log.ReadAsync(1, 10_000, Ct);
        Assert.Equal(Tasks * Rounds * (BatchSize + 1), stored.Count);
        var returned = batches.SelectMany(b => b).SelectMany(b => b).ToDictionary(r => r.Sequence);
        Assert.All(stored.Where(r => r.Entry.Target.StartsWith("batch-", StringComparison.Ordinal)),
            r => Assert.Equal(returned[r.Sequence].Hash, r.Hash));
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(stored.Count, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_OneInvalidEntry_WritesNoneOfTheBatch()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        AuditEntry[] entries = [AuditEntries.Sample(1), AuditEntries.Sample(2) with { Outcome = null! }, AuditEntries.Sample(3)];

        await Assert.ThrowsAsync<ArgumentException>(() => db.Log.AppendBatchAsync(entries, Ct));
        var next = await db.Log.AppendAsync(AuditEntries.Sample(4), Ct);

        Assert.Equal(1, next.Sequence);
        Assert.Equal(1, (await db.Log.VerifyAsync(null, Ct)).RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_LargerThanOneCommitBatch_WrittenWholeAndInOrder()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var entries = Enumerable.Range(0, 700).Select(i => AuditEntries.Sample(i) with { Target = $"t-{i}" }).ToList();

        var records = await db.Log.AppendBatchAsync(entries, Ct);

        Assert.Equal(Enumerable.Range(1, 700).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(entries.Select(e => e.Target), (await db.Log.ReadAsync(1, 1_000, Ct)).Select(r => r.Entry.Target));
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task AppendBatchAsync_Empty_ReturnsNothingAndWritesNothing()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);

        var records = await db.Log.AppendBatchAsync([], Ct);

        Assert.Empty(records);
        Assert.Equal(0, (await db.Log.VerifyAsync(null, Ct)).RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_CancelledBeforeWriting_WritesNoneOfTheBatch()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Log.AppendBatchAsync([AuditEntries.Sample(1), AuditEntries.Sample(2)], cancelled.Token));
        var next = await db.Log.AppendAsync(AuditEntries.Sample(3), Ct);

        Assert.Equal(1, next.Sequence);
    }

    [Fact]
    public async Task AppendBatchAsync_CallerChangesDetailsAfterwards_StoredRecordsStillVerify()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["step"] = "1" };

        var records = await db.Log.AppendBatchAsync([AuditEntries.Sample(1) with { Details = details }, AuditEntries.Sample(2) with { Details = details }], Ct);
        details["step"] = "changed";

        Assert.All(records, r => Assert.Equal("1", r.Entry.Details["step"]));
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }
}
