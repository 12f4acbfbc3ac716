using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;

namespace AgenticIR.Storage.Tests.Audit;

public sealed class SqliteAuditLogPruneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PruneAsync_OlderRecords_RemovesThemWritesAnchorAndChainStillVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);

        var result = await db.Log.PruneAsync(records[4].Timestamp, "ciso@corp.example", Ct);

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
        Assert.Equal(5, (await db.Log.ReadAsync(0, 100, Ct))[0].Sequence);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(7, verification.RecordsVerified);
        Assert.Equal(anchor, verification.Anchor);
    }

    [Fact]
    public async Task PruneAsync_TwiceThenMoreAppends_AnchorsChainAndEverythingVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        var first = await db.Log.PruneAsync(records[2].Timestamp, "alice", Ct);
        await db.AppendManyAsync(3, Ct);

        var second = await db.Log.PruneAsync(records[8].Timestamp, "bob", Ct);
        await db.AppendManyAsync(2, Ct);

        Assert.Equal(first.Anchor!.AnchorHash, second.Anchor!.PreviousAnchorHash);
        Assert.Equal(6, second.PrunedCount);
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(second.Anchor, verification.Anchor);
        Assert.Equal(17, verification.HeadSequence);
    }

    [Fact]
    public async Task PruneAsync_SecondPruningRemovesFirstAuditPrunedRecord_StillVerifiesFromLatestAnchor()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(6, Ct);
        var first = await db.Log.PruneAsync(records[3].Timestamp, "alice", Ct);
        db.Time.Advance(TimeSpan.FromMinutes(1));
        await db.AppendManyAsync(2, Ct);

        var second = await db.Log.PruneAsync(db.Time.GetUtcNow(), "bob", Ct);

        Assert.True(second.Anchor!.PrunedThroughSequence > first.Anchor!.RecordSequence);
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(1, verification.RecordsVerified);
        Assert.Equal(second.Record!.Sequence, verification.HeadSequence);
    }

    [Fact]
    public async Task PruneAsync_EverythingOlder_AnchorRecordLinksToLastPrunedAndVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(5, Ct);

        var result = await db.Log.PruneAsync(db.Time.GetUtcNow().AddDays(1), "alice", Ct);

        Assert.Equal(5, result.PrunedCount);
        Assert.Equal(records[4].Hash, result.Record!.PreviousHash);
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
        var next = await db.Log.AppendAsync(AuditEntries.Sample(99), Ct);
        Assert.Equal(7, next.Sequence);
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task PruneAsync_NothingOlderThanCutoff_ChangesNothing()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(3, Ct);

        var result = await db.Log.PruneAsync(records[0].Timestamp, "alice", Ct);

        Assert.Equal(new AuditPruneResult(0, null, null), result);
        Assert.Equal(3, (await db.Log.ReadAsync(0, 10, Ct)).Count);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_anchors;", Ct));
    }

    [Fact]
    public async Task PruneAsync_ClockWentBackwards_StopsAtFirstYoungerRecordSoRestStaysContiguous()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var clock = new ManualTime();
        using var log = new SqliteAuditLog(new SqliteStoreOptions { Path = db.DatabasePath }, clock);
        for (var i = 1; i <= 6; i++)
        {
            // Record 3 carries a later time than the records after it, as after a clock correction.
            clock.Now = i == 3 ? new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2026, 1, i, 0, 0, 0, TimeSpan.Zero);
            await log.AppendAsync(AuditEntries.Sample(i), Ct);
        }
        clock.Now = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

        var result = await log.PruneAsync(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), "alice", Ct);

        Assert.Equal(2, result.PrunedCount);
        Assert.Equal(2, result.Anchor!.PrunedThroughSequence);
        Assert.True((await log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task PruneAsync_TamperedRecordInPrunedRange_RefusesAndDeletesNothing()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        await db.ExecuteAsync("UPDATE audit_records SET outcome = 'failed' WHERE sequence = 2;", Ct);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Log.PruneAsync(records[5].Timestamp, "alice", Ct));

        Assert.Contains("record 2 was edited", ex.Message, StringComparison.Ordinal);
        Assert.Equal(10, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records;", Ct));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_anchors;", Ct));
    }

    [Theory]
    [InlineData("signed_off_by = 'intern'")]
    [InlineData("count = 3")]
    [InlineData("last_pruned_hash = previous_anchor_hash")]
    [InlineData("pruned_at = '2026-03-01T08:00:00.0000000Z'")]
    public async Task VerifyAsync_AnchorFieldEdited_FailsNamingTheAnchor(string edit)
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        await db.Log.PruneAsync(records[4].Timestamp, "ciso", Ct);

        await db.ExecuteAsync($"UPDATE audit_anchors SET {edit};", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(11, verification.FirstBadSequence);
        Assert.Contains("anchor through record 4", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AnchorEditedAndItsHashRecomputed_FailsOnTheAuditPrunedRecord()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        var anchor = (await db.Log.PruneAsync(records[4].Timestamp, "ciso", Ct)).Anchor!;
        var forged = anchor with { SignedOffBy = "intern" };

        await db.ExecuteAsync("UPDATE audit_anchors SET signed_off_by = 'intern', anchor_hash = $hash;", Ct,
            ("$hash", AuditCanonicalEncoding.ComputeAnchorHash(forged)));

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(11, verification.FirstBadSequence);
        Assert.Contains("does not match the pruning anchor through record 4", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AnchorDeleted_FailsNamingTheFirstUnanchoredRecord()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        await db.Log.PruneAsync(records[4].Timestamp, "ciso", Ct);

        await db.ExecuteAsync("DELETE FROM audit_anchors;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(1, verification.FirstBadSequence);
        Assert.Contains("records 1 to 4 are missing", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FirstRemainingRecordDeletedAfterPrune_FailsNamingIt()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        await db.Log.PruneAsync(records[4].Timestamp, "ciso", Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 5;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(5, verification.FirstBadSequence);
        Assert.Contains("the chain jumps from the pruning anchor (through 4) to record 6", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AuditPrunedRecordDeleted_FailsNamingIt()
    {
        using var db = await AuditTestDatabase.CreateAsync(Ct);
        var records = await db.AppendManyAsync(10, Ct);
        await db.Log.PruneAsync(records[4].Timestamp, "ciso", Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 11;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(11, verification.FirstBadSequence);
        Assert.Contains("audit_pruned record of the pruning through 4", verification.Problem, StringComparison.Ordinal);
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
