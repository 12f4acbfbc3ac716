using AgenticIR.Core.Audit;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Direct edits to the database file, as someone with write access to it would make, must fail verification and
/// name the first bad record (issue 4, "Done when").</summary>
public sealed class SqliteAuditLogTamperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("agent_name", "'someone_else'")]
    [InlineData("target", "'host-999.corp.example'")]
    [InlineData("justification", "justification || ' '")]
    [InlineData("approval_status", "'pending'")]
    [InlineData("approver_identity", "'mallory@corp.example'")]
    [InlineData("outcome", "'failed'")]
    [InlineData("evidence_hash", "''")]
    [InlineData("investigation_id", "NULL")]
    [InlineData("details", "'{\"step\":\"6\",\"tool\":\"mailbox_search\"}'")]
    [InlineData("timestamp", "'2026-03-01T08:05:00.0000001Z'")]
    public async Task VerifyAsync_OneFieldEditedInRow6_FailsNamingRow6(string column, string newValue)
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync($"UPDATE audit_records SET {column} = {newValue} WHERE sequence = 6;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(6, verification.FirstBadSequence);
        Assert.Contains("record 6 was edited", verification.Problem, StringComparison.Ordinal);
        // Reported once: the walk carries on from the stored hash, so record 7 still links.
        Assert.Single(verification.Breaks);
        Assert.Equal(10, verification.RecordsRead);
        Assert.Equal(9, verification.RecordsVerified);
    }

    [Fact]
    public async Task VerifyAsync_DetailsRewrittenAsEquivalentJson_StillVerifies()
    {
        // The hash covers the detail pairs, not their JSON spelling, so key order and whitespace are not tampering.
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync("UPDATE audit_records SET details = '{ \"tool\": \"ip_connections\", \"step\": \"6\" }' WHERE sequence = 6;", Ct);

        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task VerifyAsync_HashOfRow4RecomputedAfterEdit_FailsNamingRow5WhoseLinkBreaks()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        var forged = records[3] with { Entry = records[3].Entry with { Outcome = "failed" } };

        await db.ExecuteAsync("UPDATE audit_records SET outcome = 'failed', hash = $hash WHERE sequence = 4;", Ct,
            ("$hash", AuditCanonicalEncoding.ComputeHash(forged)));

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(5, verification.FirstBadSequence);
        Assert.Contains("previous_hash does not match the hash of record 4", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_MiddleRowDeleted_FailsNamingTheMissingRow()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 5;", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(5, verification.FirstBadSequence);
        Assert.Equal("record 5 is missing: the chain jumps from record 4 to record 6", verification.Problem);
        Assert.Single(verification.Breaks);
        Assert.Equal(10, verification.HeadSequence);
    }

    [Fact]
    public async Task VerifyAsync_FirstRowDeleted_FailsNamingRow1()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(3, Ct);

        await db.ExecuteAsync("DELETE FROM audit_records WHERE sequence = 1;", Ct);

        Assert.Equal(1, (await db.Log.VerifyAsync(null, Ct)).FirstBadSequence);
    }

    [Fact]
    public async Task VerifyAsync_ForgedRowWithMadeUpHashAppended_FailsNamingIt()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync(
            """
            INSERT INTO audit_records (sequence, timestamp, agent_name, action_type, target, justification, approval_status,
                approver_identity, outcome, evidence_hash, investigation_id, details, previous_hash, hash)
            SELECT 11, timestamp, agent_name, 'action_outcome', 'dc-01', 'cover story', 'approved', 'ciso', 'success', '', NULL, '{}', hash, $fake
            FROM audit_records WHERE sequence = 10;
            """, Ct, ("$fake", new string('f', 64)));

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(11, verification.FirstBadSequence);
        Assert.Contains("record 11 was edited", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ForgedRowWithValidHashInsertedInMiddle_FailsNamingTheDisplacedRow()
    {
        // The forger knows the encoding, links the row to record 5 and renumbers the rest: record 6 now links to the wrong hash.
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);
        var forgedEntry = new AuditEntry { AgentName = "response_orchestrator", ActionType = "action_outcome", Target = "dc-01", Outcome = "success" };
        var forgedHash = AuditCanonicalEncoding.ComputeHash(6, records[4].Timestamp, forgedEntry, records[4].Hash);

        await db.ExecuteAsync(
            """
            UPDATE audit_records SET sequence = -sequence WHERE sequence > 5;
            UPDATE audit_records SET sequence = 1 - sequence WHERE sequence < 0;
            INSERT INTO audit_records (sequence, timestamp, agent_name, action_type, target, justification, approval_status,
                approver_identity, outcome, evidence_hash, investigation_id, details, previous_hash, hash)
            VALUES (6, $ts, 'response_orchestrator', 'action_outcome', 'dc-01', '', '', '', 'success', '', NULL, '{}', $prev, $hash);
            """, Ct,
            ("$ts", AuditCanonicalEncoding.FormatTimestamp(records[4].Timestamp)), ("$prev", records[4].Hash), ("$hash", forgedHash));

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(7, verification.FirstBadSequence);
        Assert.Contains("record 7 is out of place", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_TwoRowsSwapped_FailsNamingTheFirstSwappedRow()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync(
            """
            UPDATE audit_records SET sequence = -3 WHERE sequence = 3;
            UPDATE audit_records SET sequence = 3 WHERE sequence = 7;
            UPDATE audit_records SET sequence = 7 WHERE sequence = -3;
            """, Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("record 3 is out of place", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AdjacentRowsSwappedWithLinksRewritten_FailsOnTheHash()
    {
        // Moving previous_hash along with the sequence still fails: each hash covers its own sequence number.
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(10, Ct);

        await db.ExecuteAsync(
            """
            UPDATE audit_records SET sequence = -4 WHERE sequence = 4;
            UPDATE audit_records SET sequence = 4, previous_hash = $h3 WHERE sequence = 5;
            UPDATE audit_records SET sequence = 5, previous_hash = $h4moved WHERE sequence = -4;
            """, Ct, ("$h3", records[2].Hash), ("$h4moved", records[4].Hash));

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(4, verification.FirstBadSequence);
        Assert.Contains("record 4 was edited", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_SeveralRecordsTampered_ReportsEveryOneInChainOrder()
    {
        // The first break must not hide the others: an edit, a deleted record, a second edit and a cut end.
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(20, Ct);

        await db.ExecuteAsync(
            """
            UPDATE audit_records SET justification = 'nothing to see' WHERE sequence = 3;
            DELETE FROM audit_records WHERE sequence = 8;
            UPDATE audit_records SET approver_identity = 'mallory' WHERE sequence = 15;
            DELETE FROM audit_records WHERE sequence = 20;
            """, Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);

        Assert.Equal([3L, 8L, 15L, 20L], verification.Breaks.Select(b => b.Sequence));
        Assert.Equal(4, verification.BreakCount);
        Assert.Contains("record 3 was edited", verification.Breaks[0].Problem, StringComparison.Ordinal);
        Assert.Contains("record 8 is missing", verification.Breaks[1].Problem, StringComparison.Ordinal);
        Assert.Contains("record 15 was edited", verification.Breaks[2].Problem, StringComparison.Ordinal);
        Assert.Contains("record 20 is missing from the end", verification.Breaks[3].Problem, StringComparison.Ordinal);
        Assert.Equal(18, verification.RecordsRead);
        Assert.Equal(16, verification.RecordsVerified);
    }

    [Fact]
    public async Task VerifyAsync_EveryRecordEdited_CountsAllAndListsAtMostTheCap()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var entries = Enumerable.Range(1, AuditVerification.MaxListedBreaks + 5).Select(AuditEntries.Sample).ToList();
        await db.Log.AppendBatchAsync(entries, Ct);

        await db.ExecuteAsync("UPDATE audit_records SET outcome = 'failed';", Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal(AuditVerification.MaxListedBreaks + 5, verification.BreakCount);
        Assert.Equal(AuditVerification.MaxListedBreaks, verification.Breaks.Count);
    }

    [Fact]
    public async Task VerifyAsync_Progress_ReportsFinalCount()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(5, Ct);
        var reported = new List<long>();

        await db.Log.VerifyAsync(new SyncProgress(reported.Add), Ct);

        Assert.Equal(5, reported[^1]);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
