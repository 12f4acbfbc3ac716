using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>The anchored head (table <c>audit_head</c>) catches what the chain alone cannot: records cut from the end, and
/// rows added without the log. Tampering is done with raw SQL, as someone with write access to the file would.</summary>
public sealed class SqliteAuditLogHeadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyAsync_LastRecordDeleted_ReportsTheTruncation()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 10;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        var problem = Assert.Single(verification.Breaks);
        Assert.Equal(10, problem.Sequence);
        Assert.Equal($"record 10 is missing from the end: the head anchor says the chain ends at record 10 ({records[9].Hash}), the store at record 9",
            problem.Problem);
        Assert.Equal(9, verification.RecordsVerified);
    }

    [Fact]
    public async Task VerifyAsync_LastThreeRecordsDeleted_NamesTheMissingRange()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence > 7;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(8, verification.FirstBadSequence);
        Assert.StartsWith("records 8 to 10 are missing from the end", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ForgedRecordWithValidHashAppendedWithoutTheLog_ReportsItAsAdded()
    {
        // The forger knows the encoding and links the row properly: only the anchored head shows it was not appended by the log.
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        await db.ExecuteAsync(ForgedRowSql, Ct, ForgedRow(11, records[9]));

        var verification = await db.Log.VerifyAsync(null, Ct);

        var problem = Assert.Single(verification.Breaks);
        Assert.Equal(11, problem.Sequence);
        Assert.StartsWith("record 11 was added outside the audit log: the head anchor says the chain ends at record 10", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_AfterTheEndWasCut_LeavesTheGapInTheChain()
    {
        // A later append must not move the head past the cut and so erase the evidence.
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);
        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence >= 9;", Ct);

        var next = await db.Log.AppendAsync(AuditEntries.Sample(11), Ct);

        Assert.Equal(11, next.Sequence);
        var verification = await db.Log.VerifyAsync(null, Ct);
        var problem = Assert.Single(verification.Breaks);
        Assert.Equal(9, problem.Sequence);
        Assert.StartsWith("records 9 to 10 are missing: the chain jumps from record 8 to record 11", problem.Problem, StringComparison.Ordinal);
        Assert.Equal(11, verification.HeadSequence);
    }

    [Fact]
    public async Task AppendAsync_AfterAForgedRowWasAdded_NextRecordDoesNotLinkToIt()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        await db.ExecuteAsync(ForgedRowSql, Ct, ForgedRow(11, records[9]));

        var next = await db.Log.AppendAsync(AuditEntries.Sample(12), Ct);

        Assert.Equal(12, next.Sequence);
        Assert.Equal(records[9].Hash, next.PreviousHash);
        var problem = Assert.Single((await db.Log.VerifyAsync(null, Ct)).Breaks);
        Assert.Equal(12, problem.Sequence);
        Assert.Contains("record 12 is out of place", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_LastRecordEditedWithHashRecomputed_ReportsTheRewrittenEnd()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        var forged = records[9] with { Entry = records[9].Entry with { Outcome = "failed" } };

        await db.ExecuteAsync("UPDATE audit_records SET outcome = 'failed', hash = $hash WHERE sequence = 10;", Ct,
            ("$hash", AuditCanonicalEncoding.ComputeHash(forged)));

        var problem = Assert.Single((await db.Log.VerifyAsync(null, Ct)).Breaks);
        Assert.Equal(10, problem.Sequence);
        Assert.StartsWith("record 10 is not the record the head anchor names", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_HeadRowDeleted_ReportsTheMissingAnchor()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(3, Ct);

        await db.ExecuteAsync("DELETE FROM audit_head;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        var problem = Assert.Single(verification.Breaks);
        Assert.Null(problem.Sequence);
        Assert.Contains("head anchor (table audit_head) is missing", problem.Problem, StringComparison.Ordinal);
        Assert.Null(verification.AnchoredHead);
    }

    [Fact]
    public async Task VerifyAsync_HeadCountEdited_ReportsTheCount()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(4, Ct);

        await db.ExecuteAsync("UPDATE audit_head SET record_count = 5;", Ct);

        Assert.Equal("the store holds 4 records but the head anchor counts 5", Assert.Single((await db.Log.VerifyAsync(null, Ct)).Breaks).Problem);
    }

    [Fact]
    public async Task VerifyAsync_AppendsBatchesAndPrunings_HeadFollowsTheEndAndCount()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(6, Ct);
        var batch = await db.Log.AppendBatchAsync([AuditEntries.Sample(7), AuditEntries.Sample(8), AuditEntries.Sample(9)], Ct);
        var pruned = await db.Log.PruneAsync(records[3].Timestamp, "ciso@corp.example", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(batch[^1].Sequence + 1, pruned.Record!.Sequence);
        Assert.Equal(new AuditHead(pruned.Record.Sequence, pruned.Record.Hash, 9 - 3 + 1), verification.AnchoredHead);
        Assert.Equal(7, verification.RecordsRead);
    }

    [Fact]
    public async Task VerifyAsync_TruncatedAfterAPruning_ReportsTheTruncation()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(8, Ct);
        await db.Log.PruneAsync(records[3].Timestamp, "ciso@corp.example", Ct);
        await db.AppendManyAsync(2, Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 11;", Ct);

        Assert.StartsWith("record 11 is missing from the end", (await db.Log.VerifyAsync(null, Ct)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_TrailFromBeforeTheHeadAnchor_IsAnchoredWhereItStands()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(5, Ct);
        // As a database written before migration 0010 looks: no head table, the migration not applied.
        await db.ExecuteAsync("DROP TABLE audit_head; DELETE FROM schema_migrations WHERE version = 10;", Ct);

        await new SqliteStateStore(new SqliteStoreOptions { Path = db.DatabasePath }, TimeProvider.System).InitializeAsync(Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(new AuditHead(5, records[4].Hash, 5), verification.AnchoredHead);
    }

    [Fact]
    public async Task VerifyAsync_EndCutAndHeadRewrittenToMatch_OnlyAnOutsideCheckpointShowsIt()
    {
        // The limit of anything kept in the same file: rewrite the head with the records and the store is consistent again.
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        var checkpoint = new AuditCheckpoint(10, records[9].Hash);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 10; UPDATE audit_head SET head_sequence = 9, head_hash = $h, record_count = 9;", Ct,
            ("$h", records[8].Hash));

        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
        var verification = await db.Log.VerifyAsync(checkpoint, null, Ct);
        var problem = Assert.Single(verification.Breaks);
        Assert.Equal(10, problem.Sequence);
        Assert.StartsWith("the chain no longer reaches record 10 of the checkpoint", problem.Problem, StringComparison.Ordinal);
        Assert.False(verification.CheckpointMatched ?? true);
    }

    [Fact]
    public async Task VerifyAsync_ChainRewrittenFromRecord6WithEveryHashRecomputed_FailsOnlyAgainstTheCheckpoint()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        var checkpoint = new AuditCheckpoint(8, records[7].Hash);
        var previous = records[4].Hash;
        for (var i = 5; i < 10; i++)
        {
            var entry = i == 5 ? records[i].Entry with { Outcome = "failed" } : records[i].Entry;
            var hash = AuditCanonicalEncoding.ComputeHash(records[i].Sequence, records[i].Timestamp, entry, previous);
            await db.ExecuteAsync("UPDATE audit_records SET outcome = $o, previous_hash = $p, hash = $h WHERE sequence = $s;", Ct,
                ("$o", entry.Outcome), ("$p", previous), ("$h", hash), ("$s", records[i].Sequence));
            previous = hash;
        }
        await db.ExecuteAsync("UPDATE audit_head SET head_hash = $h;", Ct, ("$h", previous));

        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
        var problem = Assert.Single((await db.Log.VerifyAsync(checkpoint, null, Ct)).Breaks);
        Assert.Equal(8, problem.Sequence);
        Assert.StartsWith($"record 8 does not have the checkpoint's hash {records[7].Hash}", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointStillOnTheChain_Matches()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(5, Ct);
        await db.AppendManyAsync(5, Ct);

        var verification = await db.Log.VerifyAsync(new AuditCheckpoint(5, records[4].Hash), null, Ct);

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.True(verification.CheckpointMatched);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointPrunedSince_CannotBeComparedAndIsNoBreak()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        await db.Log.PruneAsync(records[6].Timestamp, "ciso@corp.example", Ct);

        var pruned = await db.Log.VerifyAsync(new AuditCheckpoint(3, records[2].Hash), null, Ct);
        var lastPruned = await db.Log.VerifyAsync(new AuditCheckpoint(6, records[5].Hash), null, Ct);

        Assert.True(pruned.IsIntact, pruned.Problem);
        Assert.Null(pruned.CheckpointMatched);
        Assert.True(lastPruned.CheckpointMatched);
    }

    [Fact]
    public async Task ReadHeadAsync_AfterAppends_IsTheLastRecordAndTheCount()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        Assert.Equal(new AuditHead(0, AuditCanonicalEncoding.GenesisHash, 0), await db.Log.ReadHeadAsync(Ct));
        var records = await db.AppendManyAsync(4, Ct);

        Assert.Equal(new AuditHead(4, records[3].Hash, 4), await db.Log.ReadHeadAsync(Ct));
    }

    private const string ForgedRowSql =
        """
        INSERT INTO audit_records (sequence, timestamp, agent_name, action_type, target, justification, approval_status,
            approver_identity, outcome, evidence_hash, investigation_id, details, previous_hash, hash)
        VALUES ($sequence, $ts, 'response_orchestrator', 'action_outcome', 'dc-01', 'cover story', '', '', 'success', '', NULL, '{}', $prev, $hash);
        """;

    private static (string, object?)[] ForgedRow(long sequence, AuditRecord previous)
    {
        var entry = new AuditEntry { AgentName = "response_orchestrator", ActionType = "action_outcome", Target = "dc-01", Justification = "cover story", Outcome = "success" };
        var hash = AuditCanonicalEncoding.ComputeHash(sequence, previous.Timestamp, entry, previous.Hash);
        return [("$sequence", sequence), ("$ts", AuditCanonicalEncoding.FormatTimestamp(previous.Timestamp)), ("$prev", previous.Hash), ("$hash", hash)];
    }
}
