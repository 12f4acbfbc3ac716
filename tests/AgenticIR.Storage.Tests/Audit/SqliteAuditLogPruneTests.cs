using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Pruning cases that need SQLite itself: a clock going backwards, and anchors and records edited in the file.</summary>
public sealed class SqliteAuditLogPruneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PruneAsync_ClockWentBackwards_StopsAtFirstYoungerRecordSoRestStaysContiguous()
    {
        using var db = await AuditTestDatabase.CreateAsync();
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
        using var db = await AuditTestDatabase.CreateAsync();
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
        using var db = await AuditTestDatabase.CreateAsync();
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
        using var db = await AuditTestDatabase.CreateAsync();
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
        using var db = await AuditTestDatabase.CreateAsync();
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
        using var db = await AuditTestDatabase.CreateAsync();
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
        using var db = await AuditTestDatabase.CreateAsync();
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
