using AgenticIR.Storage.Postgres;
using Npgsql;

namespace AgenticIR.Testing.Storage;

/// <summary>One test's PostgreSQL database, created empty on the test server (<see cref="PostgresTestServer"/>) on first
/// use and dropped on disposal, so tests run in parallel without seeing each other. Every backend opened on it has its own
/// connection pool, as another process would.</summary>
public sealed class TempPostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IAsyncDisposable> _owned = [];
    private string? _connectionString;
    private bool _migrated;

    /// <summary>The database's name (unique per instance).</summary>
    public string Name { get; } = "agentic_ir_test_" + Guid.NewGuid().ToString("N");

    /// <summary>A keyword connection string for the database, creating it on first call.</summary>
    public async Task<string> ConnectionStringAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connectionString is not null) return _connectionString;
            var admin = await PostgresTestServer.AdminAsync();
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\";", connection);
                await create.ExecuteNonQueryAsync();
            }
            _connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Name, Pooling = true }.ConnectionString;
            return _connectionString;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Options for stores on the database, migrated or not.</summary>
    public async Task<PostgresStoreOptions> OptionsAsync() => new() { ConnectionString = await ConnectionStringAsync(), MaxPoolSize = 10 };

    /// <summary>Options for stores on the database after the schema migrations have run once.</summary>
    public async Task<PostgresStoreOptions> MigratedAsync(TimeProvider? time = null)
    {
        var options = await OptionsAsync();
        await _gate.WaitAsync();
        try
        {
            if (!_migrated)
            {
                await using var backend = new PostgresStoreBackend(options, time ?? TimeProvider.System);
                await backend.CreateStateStore().InitializeAsync(CancellationToken.None);
                _migrated = true;
            }
        }
        finally
        {
            _gate.Release();
        }
        return options;
    }

    /// <summary>Disposes <paramref name="item"/> (a backend with its pool) before the database is dropped; returns it.</summary>
    public T Own<T>(T item) where T : IAsyncDisposable
    {
        lock (_owned) _owned.Add(item);
        return item;
    }

    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> owned;
        lock (_owned) owned = [.. _owned];
        foreach (var item in owned) await item.DisposeAsync();
        if (_connectionString is null) return;
        var admin = await PostgresTestServer.AdminAsync();
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
        _gate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
