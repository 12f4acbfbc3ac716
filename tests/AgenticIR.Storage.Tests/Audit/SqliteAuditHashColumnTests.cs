using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Since migration 0031 a record's hash and previous hash are kept as 32 bytes: records, verification and exports
/// still carry hex, a store written with hex text converts and still verifies, and tampering is found as before.</summary>
public sealed class SqliteAuditHashColumnTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_Record_HashesStoredAs32BytesAndReadBackAsHex()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(3, Ct);

        Assert.Equal(3, await db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_records WHERE typeof(hash) = 'blob' AND length(hash) = 32 AND typeof(previous_hash) = 'blob' AND length(previous_hash) = 32;", Ct));
        var read = await db.Log.ReadAsync(1, 10, Ct);
        Assert.Equal(records.Select(Link), read.Select(Link));
        Assert.Equal(AuditCanonicalEncoding.GenesisHash, read[0].PreviousHash);
        Assert.All(read, r => Assert.Matches("^[0-9a-f]{64}$", r.Hash));
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task InitializeAsync_TrailWrittenWithHexText_ConvertedToBytesAndStillVerifies()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var records = await db.AppendManyAsync(5, Ct);
        await HexTextAsBeforeMigration0031Async(db);

        await new SqliteStateStore(new SqliteStoreOptions { Path = db.DatabasePath }, TimeProvider.System).InitializeAsync(Ct);

        Assert.Equal(5, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_records WHERE typeof(hash) = 'blob' AND typeof(previous_hash) = 'blob';", Ct));
        var verification = await db.Log.VerifyAsync(new AuditCheckpoint(5, records[4].Hash), null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.True(verification.CheckpointMatched);
        Assert.Equal(records.Select(Link), (await db.Log.ReadAsync(1, 10, Ct)).Select(Link));
        // The chain carries on from the converted end.
        var next = await db.Log.AppendAsync(AuditEntries.Sample(6), Ct);
        Assert.Equal(records[4].Hash, next.PreviousHash);
        Assert.True((await db.Log.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task InitializeAsync_HashEditedToNonHexBeforeConversion_StillReportedAfterIt()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(5, Ct);
        await HexTextAsBeforeMigration0031Async(db);
        // Upper case is not what the log writes: the conversion must not turn it into the right hash.
        await db.ExecuteAsync("UPDATE audit_records SET hash = upper(hash) WHERE sequence = 3;", Ct);

        await new SqliteStateStore(new SqliteStoreOptions { Path = db.DatabasePath }, TimeProvider.System).InitializeAsync(Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("record 3 was edited", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_OneByteOfAStoredHashFlipped_ReportsThatRecordAndTheLinkAfterIt()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await db.AppendManyAsync(5, Ct);

        var flipped = Convert.FromHexString((await db.Log.ReadAsync(3, 1, Ct))[0].Hash);
        flipped[31] ^= 0x01;
        await db.ExecuteAsync("UPDATE audit_records SET hash = $h WHERE sequence = 3;", Ct, ("$h", flipped));

        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.Equal([3L, 4L], verification.Breaks.Select(b => b.Sequence ?? 0));
        Assert.Contains("record 3 was edited", verification.Breaks[0].Problem, StringComparison.Ordinal);
        Assert.Contains("record 4 is out of place", verification.Breaks[1].Problem, StringComparison.Ordinal);
    }

    private static (long, string, string) Link(AuditRecord record) => (record.Sequence, record.PreviousHash, record.Hash);

    /// <summary>As a store written before migration 0031 looks: hashes as hex text, the migration not applied.</summary>
    private static Task HexTextAsBeforeMigration0031Async(AuditTestDatabase db) =>
        db.ExecuteAsync(
            """
            UPDATE audit_records SET hash = lower(hex(hash)), previous_hash = lower(hex(previous_hash));
            DELETE FROM schema_migrations WHERE version = 31;
            """, Ct);
}
