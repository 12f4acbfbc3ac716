using AgenticIR.Storage.Postgres;
using AgenticIR.Testing.Storage;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>Several workers and commands starting at the same moment on an empty database: the migrations are serialized,
/// every start succeeds and each script is applied once.</summary>
public sealed class PostgresMigrationTests : IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new(empty: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_EightProcessesAtOnceOnEmptyDatabase_AllSucceedAndEachScriptRunsOnce()
    {
        const int Starters = 8;
        var backends = new List<PostgresStoreBackend>();
        for (var i = 0; i < Starters; i++) backends.Add(await _database.OpenAsync());
        using var start = new Barrier(Starters);

        // Each on its own pool, released together, as workers started by one deployment would be.
        await Task.WhenAll(backends.Select(b => Task.Run(async () =>
        {
            start.SignalAndWait(Ct);
            await b.CreateStateStore().InitializeAsync(Ct);
        }, Ct)));

        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version;")).ToList();
        Assert.Equal(PostgresMigrator.Scripts().Select(s => s.Version), applied);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_head;"));
        var store = backends[^1].CreateStateStore();
        await store.CreateAsync(Contract.SampleRecords.Minimal("inv-1", "fp", DateTimeOffset.UnixEpoch), null, Ct);
        Assert.NotNull(await backends[0].CreateStateStore().GetAsync("inv-1", Ct));
    }

    [Fact]
    public async Task MigrateAsync_SchemaAlreadyCurrent_AppliesNothing()
    {
        var backend = await _database.OpenAsync();

        var first = await PostgresMigrator.MigrateAsync(backend.DataSource, TimeProvider.System, Ct);
        var second = await PostgresMigrator.MigrateAsync(backend.DataSource, TimeProvider.System, Ct);

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task InitializeAsync_ScriptFailsPartWay_LeavesNothingOfItAndReportsTheServerError()
    {
        var backend = await _database.OpenAsync();
        await using (var connection = new NpgsqlConnection(await _database.ConnectionStringAsync()))
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);");
            // A table the first script creates is in the way: the script fails, and nothing of it stays.
            await connection.ExecuteAsync("CREATE TABLE investigations (id text);");
        }

        var failure = await Assert.ThrowsAsync<PostgresException>(() => backend.CreateStateStore().InitializeAsync(Ct));

        Assert.Equal(PostgresErrorCodes.DuplicateTable, failure.SqlState);
        await using var check = new NpgsqlConnection(await _database.ConnectionStringAsync());
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations;"));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'audit_records';"));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
