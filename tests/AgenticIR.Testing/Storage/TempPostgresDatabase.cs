using AgenticIR.Storage.Postgres;
using Npgsql;

namespace AgenticIR.Testing.Storage;

/// <summary>One test's PostgreSQL database on the test server (<see cref="PostgresTestServer"/>), created on first use and
/// dropped on disposal, so tests run in parallel without seeing each other. By default it is a copy of a database this
/// process migrated once; <paramref name="empty"/> gives one without any schema (for tests of the migrations).</summary>
/// <param name="empty">Create the database empty instead of from the migrated template.</param>
public sealed class TempPostgresDatabase(bool empty = false) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IAsyncDisposable> _owned = [];
    private string? _connectionString;

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
            var template = empty ? "template1" : await PostgresTestServer.MigratedTemplateAsync();
            await PostgresTestServer.ExecuteAsync(admin, $"CREATE DATABASE \"{Name}\" TEMPLATE \"{template}\";");
            _connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = Name, Pooling = true }.ConnectionString;
            return _connectionString;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Options for stores on the database (migrated unless it was created empty).</summary>
    public async Task<PostgresStoreOptions> OptionsAsync() => new() { ConnectionString = await ConnectionStringAsync(), MaxPoolSize = 10 };

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
        if (_connectionString is not null)
            await PostgresTestServer.ExecuteAsync(await PostgresTestServer.AdminAsync(), $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);");
        _gate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
