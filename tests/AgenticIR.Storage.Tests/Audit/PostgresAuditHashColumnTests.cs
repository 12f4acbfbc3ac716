using AgenticIR.Core.Audit;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Since migration 0031 a record's hash and previous hash are bytea of 32 bytes on PostgreSQL too: a trail written
/// with hex text converts and still verifies, and a hand-edited hash is not made to look right by the conversion.</summary>
public sealed class PostgresAuditHashColumnTests : IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_Record_HashesStoredAs32BytesAndReadBackAsHex()
    {
        var trail = (await _database.OpenAsync(_time)).CreateAuditTrail();
        var appended = await AppendAsync(trail, 3);

        Assert.Equal(3L, await ScalarAsync("SELECT COUNT(*) FROM audit_records WHERE octet_length(hash) = 32 AND octet_length(previous_hash) = 32;"));
        Assert.Equal(appended.Select(Link), (await trail.ReadAsync(1, 10, Ct)).Select(Link));
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task InitializeAsync_TrailWrittenWithHexText_ConvertedToBytesAndStillVerifies()
    {
        var appended = await AppendAsync((await _database.OpenAsync(_time)).CreateAuditTrail(), 5);
        await HexTextAsBeforeMigration0031Async();

        var backend = await _database.OpenAsync(_time);
        await backend.CreateStateStore().InitializeAsync(Ct);
        var trail = backend.CreateAuditTrail();

        Assert.Equal(5L, await ScalarAsync("SELECT COUNT(*) FROM audit_records WHERE octet_length(hash) = 32 AND octet_length(previous_hash) = 32;"));
        var verification = await trail.VerifyAsync(new AuditCheckpoint(5, appended[4].Hash), null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.True(verification.CheckpointMatched);
        Assert.Equal(appended.Select(Link), (await trail.ReadAsync(1, 10, Ct)).Select(Link));
        var next = await trail.AppendAsync(AuditEntries.Sample(6), Ct);
        Assert.Equal(appended[4].Hash, next.PreviousHash);
        Assert.True((await trail.VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task InitializeAsync_HashEditedToNonHexBeforeConversion_StillReportedAfterIt()
    {
        await AppendAsync((await _database.OpenAsync(_time)).CreateAuditTrail(), 5);
        await HexTextAsBeforeMigration0031Async();
        await ExecuteAsync("UPDATE audit_records SET hash = upper(hash) WHERE sequence = 3;");

        var backend = await _database.OpenAsync(_time);
        await backend.CreateStateStore().InitializeAsync(Ct);

        var verification = await backend.CreateAuditTrail().VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("record 3 was edited", verification.Problem, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<List<AuditRecord>> AppendAsync(IAuditTrail trail, int count)
    {
        var records = new List<AuditRecord>();
        for (var i = 1; i <= count; i++)
        {
            records.Add(await trail.AppendAsync(AuditEntries.Sample(i), Ct));
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        return records;
    }

    private static (long, string, string) Link(AuditRecord record) => (record.Sequence, record.PreviousHash, record.Hash);

    /// <summary>As a store written before migration 0031 looks: hashes as hex text, the migration not applied.</summary>
    private Task HexTextAsBeforeMigration0031Async() => ExecuteAsync(
        """
        ALTER TABLE audit_records
            ALTER COLUMN hash TYPE text COLLATE "C" USING encode(hash, 'hex'),
            ALTER COLUMN previous_hash TYPE text COLLATE "C" USING encode(previous_hash, 'hex');
        DELETE FROM schema_migrations WHERE version = 31;
        """);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
