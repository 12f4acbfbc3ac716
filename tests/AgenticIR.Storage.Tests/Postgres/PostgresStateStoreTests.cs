using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;
using Npgsql;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresStateStoreTests : StateStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var store = (await _database.OpenAsync(Time)).CreateStateStore();
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    protected override async Task InsertUncompressedRowAsync(InvestigationRecord record, string stateJson)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO investigations (id, fingerprint, stage, version, created_at, updated_at, state_json)
            VALUES ($1, $2, $3, $4, $5, $6, $7);
            """, connection);
        command.Parameters.Add(new() { Value = record.Id });
        command.Parameters.Add(new() { Value = record.Fingerprint });
        command.Parameters.Add(new() { Value = StoreText.Stage(record.Stage) });
        command.Parameters.Add(new() { Value = record.Version });
        command.Parameters.Add(new() { Value = StoreText.Timestamp(record.CreatedAt) });
        command.Parameters.Add(new() { Value = StoreText.Timestamp(record.UpdatedAt) });
        command.Parameters.Add(new() { Value = stateJson });
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override async Task<(long State, long StateJson)> StoredStateLengthsAsync(string investigationId)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(octet_length(state), 0)::bigint, COALESCE(octet_length(state_json), 0)::bigint FROM investigations WHERE id = $1;", connection);
        command.Parameters.Add(new() { Value = investigationId });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
