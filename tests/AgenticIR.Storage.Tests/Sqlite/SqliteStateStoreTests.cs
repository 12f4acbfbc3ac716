using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Tests.Sqlite;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var store = new SqliteStateStore(_database.Options, Time);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    protected override async Task InsertUncompressedRowAsync(InvestigationRecord record, string stateJson)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO investigations (id, fingerprint, stage, version, created_at, updated_at, state_json)
            VALUES ($id, $fingerprint, $stage, $version, $createdAt, $updatedAt, $stateJson);
            """;
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$fingerprint", record.Fingerprint);
        command.Parameters.AddWithValue("$stage", StoreText.Stage(record.Stage));
        command.Parameters.AddWithValue("$version", record.Version);
        command.Parameters.AddWithValue("$createdAt", StoreText.Timestamp(record.CreatedAt));
        command.Parameters.AddWithValue("$updatedAt", StoreText.Timestamp(record.UpdatedAt));
        command.Parameters.AddWithValue("$stateJson", stateJson);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override async Task<(long State, long StateJson)> StoredStateLengthsAsync(string investigationId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(length(state), 0), COALESCE(length(state_json), 0) FROM investigations WHERE id = $id;";
        command.Parameters.AddWithValue("$id", investigationId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose() => _database.Dispose();
}
