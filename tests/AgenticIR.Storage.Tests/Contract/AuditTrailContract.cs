using AgenticIR.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IAuditTrail"/> must do: one hash chain from genesis with contiguous sequences, also
/// under concurrent appends, batches and several instances; reading, streaming and filtering what was appended; pruning
/// behind a signed-off anchor that keeps the chain verifiable.</summary>
public abstract class AuditTrailContract
{
    /// <summary>The clock every trail from <see cref="CreateTrailAsync"/> must use.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A trail on this test's database using <see cref="Time"/>. Every call within one test reaches the same
    /// database as another instance (as another process would have); each test starts from an empty trail.</summary>
    protected abstract Task<IAuditTrail> CreateTrailAsync();

    /// <summary>Appends <paramref name="count"/> sample entries a minute apart.</summary>
    protected async Task<IReadOnlyList<AuditRecord>> AppendManyAsync(IAuditLog trail, int count)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var records = new List<AuditRecord>();
        for (var i = 1; i <= count; i++)
        {
            records.Add(await trail.AppendAsync(AuditEntries.Sample(i), Ct));
            Time.Advance(TimeSpan.FromMinutes(1));
        }
        return records;
    }

    [Fact]
    public async Task AppendAsync_ThreeEntries_ChainsFromGenesisAndVerifies()
    {
        var trail = await CreateTrailAsync();

        var records = await AppendManyAsync(trail, 3);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal(AuditCanonicalEncoding.GenesisHash, records[0].PreviousHash);
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
        Assert.Equal(records[1].Hash, records[2].PreviousHash);
        Assert.All(records, r => Assert.Equal(AuditCanonicalEncoding.ComputeHash(r), r.Hash));
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3, verification.RecordsVerified);
        Assert.Equal(3, verification.HeadSequence);
        Assert.Equal(records[2].Hash, verification.HeadHash);
    }

    [Fact]
    public async Task VerifyAsync_EmptyTrail_IsIntactWithNoRecords()
    {
        var trail = await CreateTrailAsync();

        var verification = await trail.VerifyAsync(null, Ct);

        Assert.True(verification.IsIntact);
        Assert.Equal(0, verification.RecordsVerified);
        Assert.Equal(AuditCanonicalEncoding.GenesisHash, verification.HeadHash);
    }

    [Fact]
    public async Task ReadAsync_FromMiddle_ReturnsStoredRecordsEqualToAppended()
    {
        var trail = await CreateTrailAsync();
        var appended = await AppendManyAsync(trail, 10);

        var read = await trail.ReadAsync(4, 3, Ct);

        Assert.Equal([4L, 5L, 6L], read.Select(r => r.Sequence));
        for (var i = 0; i < read.Count; i++)
        {
            var expected = appended[i + 3];
            Assert.Equal(expected.Timestamp, read[i].Timestamp);
            Assert.Equal(expected.Hash, read[i].Hash);
            Assert.Equal(expected.Entry.Target, read[i].Entry.Target);
            Assert.Equal(expected.Entry.InvestigationId, read[i].Entry.InvestigationId);
            Assert.Equal(expected.Entry.Details.OrderBy(p => p.Key), read[i].Entry.Details.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public async Task StreamAsync_SinceInvestigationAndActionType_ReturnsOnlyMatchesInOrder()
    {
        var trail = await CreateTrailAsync();
        var appended = await AppendManyAsync(trail, 30);
        var since = appended[9].Timestamp;

        var recent = await trail.StreamAsync(new AuditQuery { Since = since }, Ct).ToListAsync(Ct);
        var oneInvestigation = await trail.StreamAsync(new AuditQuery { InvestigationId = "inv-1", ActionType = "decision" }, Ct).ToListAsync(Ct);

        Assert.Equal(appended.Skip(9).Select(r => r.Sequence), recent.Select(r => r.Sequence));
        var expected = appended.Where(r => r.Entry.InvestigationId == "inv-1" && r.Entry.ActionType == "decision").Select(r => r.Sequence).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, oneInvestigation.Select(r => r.Sequence));
    }

    [Fact]
    public async Task AppendAsync_EmptyOptionalFieldsAndNoInvestigation_RoundTripsAndVerifies()
    {
        var trail = await CreateTrailAsync();

        var record = await trail.AppendAsync(new AuditEntry { AgentName = "", ActionType = "" }, Ct);

        var read = Assert.Single(await trail.ReadAsync(1, 10, Ct));
        Assert.Null(read.Entry.InvestigationId);
        Assert.Empty(read.Entry.Details);
        Assert.Equal(record.Hash, read.Hash);
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task AppendAsync_AuditPrunedActionType_IsRefusedBecauseOnlyPruningWritesIt()
    {
        var trail = await CreateTrailAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            trail.AppendAsync(new AuditEntry { AgentName = "x", ActionType = AuditActionTypes.AuditPruned }, Ct));
        Assert.Empty(await trail.ReadAsync(1, 10, Ct));
    }

    [Fact]
    public async Task AppendAsync_CallerChangesDetailsAfterwards_StoredRecordStillVerifies()
    {
        var trail = await CreateTrailAsync();
        var details = new Dictionary<string, string> { ["k"] = "before" };

        await trail.AppendAsync(new AuditEntry { AgentName = "a", ActionType = "decision", Details = details }, Ct);
        details["k"] = "after";

        Assert.Equal("before", (await trail.ReadAsync(1, 1, Ct))[0].Entry.Details["k"]);
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task AppendBatchAsync_ConcurrentWithOtherAppenders_EachBatchConsecutiveInItsOrderAndChainIntact()
    {
        var trail = await CreateTrailAsync();
        // Through the port, as the decision auditor calls it: the log's own batch must be the one that runs.
        IAuditLog log = trail;
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
        var stored = await trail.ReadAsync(1, 10_000, Ct);
        Assert.Equal(Tasks * Rounds * (BatchSize + 1), stored.Count);
        var returned = batches.SelectMany(b => b).SelectMany(b => b).ToDictionary(r => r.Sequence);
        Assert.All(stored.Where(r => r.Entry.Target.StartsWith("batch-", StringComparison.Ordinal)),
            r => Assert.Equal(returned[r.Sequence].Hash, r.Hash));
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(stored.Count, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_OneInvalidEntry_WritesNoneOfTheBatch()
    {
        var trail = await CreateTrailAsync();
        AuditEntry[] entries = [AuditEntries.Sample(1), AuditEntries.Sample(2) with { Outcome = null! }, AuditEntries.Sample(3)];

        await Assert.ThrowsAsync<ArgumentException>(() => trail.AppendBatchAsync(entries, Ct));
        var next = await trail.AppendAsync(AuditEntries.Sample(4), Ct);

        Assert.Equal(1, next.Sequence);
        Assert.Equal(1, (await trail.VerifyAsync(null, Ct)).RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_LargerThanOneCommitBatch_WrittenWholeAndInOrder()
    {
        var trail = await CreateTrailAsync();
        var entries = Enumerable.Range(0, 700).Select(i => AuditEntries.Sample(i) with { Target = $"t-{i}" }).ToList();

        var records = await trail.AppendBatchAsync(entries, Ct);

        Assert.Equal(Enumerable.Range(1, 700).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(entries.Select(e => e.Target), (await trail.ReadAsync(1, 1_000, Ct)).Select(r => r.Entry.Target));
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task AppendBatchAsync_Empty_ReturnsNothingAndWritesNothing()
    {
        var trail = await CreateTrailAsync();

        var records = await trail.AppendBatchAsync([], Ct);

        Assert.Empty(records);
        Assert.Equal(0, (await trail.VerifyAsync(null, Ct)).RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_CancelledBeforeWriting_WritesNoneOfTheBatch()
    {
        var trail = await CreateTrailAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => trail.AppendBatchAsync([AuditEntries.Sample(1), AuditEntries.Sample(2)], cancelled.Token));
        var next = await trail.AppendAsync(AuditEntries.Sample(3), Ct);

        Assert.Equal(1, next.Sequence);
    }

    [Fact]
    public async Task AppendBatchAsync_CallerChangesDetailsAfterwards_StoredRecordsStillVerify()
    {
        var trail = await CreateTrailAsync();
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["step"] = "1" };

        var records = await trail.AppendBatchAsync([AuditEntries.Sample(1) with { Details = details }, AuditEntries.Sample(2) with { Details = details }], Ct);
        details["step"] = "changed";

        Assert.All(records, r => Assert.Equal("1", r.Entry.Details["step"]));
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentTasks_OneIntactChainWithContiguousSequences()
    {
        var trail = await CreateTrailAsync();
        const int Tasks = 32;
        const int PerTask = 150;

        var results = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var mine = new List<AuditRecord>();
            for (var i = 0; i < PerTask; i++)
                mine.Add(await trail.AppendAsync(AuditEntries.Sample(t * PerTask + i) with { Target = $"task-{t}-{i}" }, Ct));
            return mine;
        }, Ct)));

        var all = results.SelectMany(r => r).OrderBy(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, Tasks * PerTask).Select(i => (long)i), all.Select(r => r.Sequence));
        // Each task sees its own appends in the order it made them.
        Assert.All(results, mine => Assert.Equal(mine.Select(r => r.Sequence).Order(), mine.Select(r => r.Sequence)));
        var stored = await trail.ReadAsync(1, Tasks * PerTask, Ct);
        Assert.Equal(all.Select(r => (r.Sequence, r.Hash, r.Entry.Target)), stored.Select(r => (r.Sequence, r.Hash, r.Entry.Target)));
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(Tasks * PerTask, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_TwoInstancesOnOneDatabaseInterleaving_StayOneIntactChain()
    {
        // Two instances stand in for two processes: they must not fork the chain.
        var trail = await CreateTrailAsync();
        var other = await CreateTrailAsync();
        const int PerWriter = 300;

        var writers = new[] { trail, other }.SelectMany((log, w) => Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter / 4; i++)
                await log.AppendAsync(AuditEntries.Sample(i) with { AgentName = $"writer-{w}" }, Ct);
        }, Ct)));
        await Task.WhenAll(writers);

        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2 * PerWriter, verification.RecordsVerified);
        var stored = await other.ReadAsync(1, 10_000, Ct);
        Assert.Equal(PerWriter, stored.Count(r => r.Entry.AgentName == "writer-0"));
        Assert.Equal(PerWriter, stored.Count(r => r.Entry.AgentName == "writer-1"));
    }

    [Fact]
    public async Task AppendAsync_WhilePruning_EveryAppendCompletesAndChainStaysIntact()
    {
        var trail = await CreateTrailAsync();
        var old = await AppendManyAsync(trail, 200);

        var appends = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++) await trail.AppendAsync(AuditEntries.Sample(i), Ct);
        }, Ct)).ToList();
        var prune = trail.PruneAsync(old[100].Timestamp, "alice", Ct);
        await Task.WhenAll([.. appends, prune]);

        Assert.Equal(100, (await prune).PrunedCount);
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(100 + 400 + 1, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_CancelledBeforeWriting_IsNotWrittenOrIsReported()
    {
        var trail = await CreateTrailAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => trail.AppendAsync(AuditEntries.Sample(1), cancelled.Token));
        var next = await trail.AppendAsync(AuditEntries.Sample(2), Ct);

        Assert.Equal(1, next.Sequence);
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task PruneAsync_OlderRecords_RemovesThemWritesAnchorAndChainStillVerifies()
    {
        var trail = await CreateTrailAsync();
        var records = await AppendManyAsync(trail, 10);

        var result = await trail.PruneAsync(records[4].Timestamp, "ciso@corp.example", Ct);

        Assert.Equal(4, result.PrunedCount);
        var anchor = Assert.IsType<AuditAnchor>(result.Anchor);
        Assert.Equal(4, anchor.PrunedThroughSequence);
        Assert.Equal(records[3].Hash, anchor.LastPrunedHash);
        Assert.Equal("ciso@corp.example", anchor.SignedOffBy);
        Assert.Equal(AuditCanonicalEncoding.GenesisHash, anchor.PreviousAnchorHash);
        var pruned = Assert.IsType<AuditRecord>(result.Record);
        Assert.Equal(11, pruned.Sequence);
        Assert.Equal(AuditActionTypes.AuditPruned, pruned.Entry.ActionType);
        Assert.Equal("ciso@corp.example", pruned.Entry.ApproverIdentity);
        Assert.Equal(anchor.AnchorHash, pruned.Entry.Details["anchor_hash"]);
        Assert.Equal(records[9].Hash, pruned.PreviousHash);
        Assert.Equal(5, (await trail.ReadAsync(0, 100, Ct))[0].Sequence);

        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(7, verification.RecordsVerified);
        Assert.Equal(anchor, verification.Anchor);
    }

    [Fact]
    public async Task PruneAsync_TwiceThenMoreAppends_AnchorsChainAndEverythingVerifies()
    {
        var trail = await CreateTrailAsync();
        var records = await AppendManyAsync(trail, 10);
        var first = await trail.PruneAsync(records[2].Timestamp, "alice", Ct);
        await AppendManyAsync(trail, 3);

        var second = await trail.PruneAsync(records[8].Timestamp, "bob", Ct);
        await AppendManyAsync(trail, 2);

        Assert.Equal(first.Anchor!.AnchorHash, second.Anchor!.PreviousAnchorHash);
        Assert.Equal(6, second.PrunedCount);
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(second.Anchor, verification.Anchor);
        Assert.Equal(17, verification.HeadSequence);
    }

    [Fact]
    public async Task PruneAsync_SecondPruningRemovesFirstAuditPrunedRecord_StillVerifiesFromLatestAnchor()
    {
        var trail = await CreateTrailAsync();
        var records = await AppendManyAsync(trail, 6);
        var first = await trail.PruneAsync(records[3].Timestamp, "alice", Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await AppendManyAsync(trail, 2);

        var second = await trail.PruneAsync(Time.GetUtcNow(), "bob", Ct);

        Assert.True(second.Anchor!.PrunedThroughSequence > first.Anchor!.RecordSequence);
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(1, verification.RecordsVerified);
        Assert.Equal(second.Record!.Sequence, verification.HeadSequence);
    }

    [Fact]
    public async Task PruneAsync_EverythingOlder_AnchorRecordLinksToLastPrunedAndVerifies()
    {
        var trail = await CreateTrailAsync();
        var records = await AppendManyAsync(trail, 5);

        var result = await trail.PruneAsync(Time.GetUtcNow().AddDays(1), "alice", Ct);

        Assert.Equal(5, result.PrunedCount);
        Assert.Equal(records[4].Hash, result.Record!.PreviousHash);
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
        var next = await trail.AppendAsync(AuditEntries.Sample(99), Ct);
        Assert.Equal(7, next.Sequence);
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task PruneAsync_NothingOlderThanCutoff_ChangesNothing()
    {
        var trail = await CreateTrailAsync();
        var records = await AppendManyAsync(trail, 3);

        var result = await trail.PruneAsync(records[0].Timestamp, "alice", Ct);

        Assert.Equal(new AuditPruneResult(0, null, null), result);
        Assert.Equal(3, (await trail.ReadAsync(0, 10, Ct)).Count);
        Assert.Null((await trail.VerifyAsync(null, Ct)).Anchor);
    }
}
