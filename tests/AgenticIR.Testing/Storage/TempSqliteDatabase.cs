using AgenticIR.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Testing.Storage;

/// <summary>One test's SQLite state file in its own temp folder, migrated on first use as the worker prepares it. Every
/// store opened on it reaches the same database, as a second process would; disposing deletes the folder.</summary>
public sealed class TempSqliteDatabase(string prefix = "agentic-ir-tests-") : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _migration = new(1, 1);
    private bool _migrated;

    /// <summary>The temp folder, for files a test writes beside the database.</summary>
    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory(prefix);

    /// <summary>The database file (what <c>--db</c> takes).</summary>
    public string FilePath => Path.Combine(Work.FullName, "state.db");

    /// <summary>Options for a store on the file, migrated or not.</summary>
    public SqliteStoreOptions Options => new() { Path = FilePath };

    /// <summary>Options for a store on the file, after the schema migrations have run once.</summary>
    public async Task<SqliteStoreOptions> MigratedAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated) await new SqliteStateStore(Options, time ?? TimeProvider.System).InitializeAsync(cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
        return Options;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _migration.Dispose();
        try
        {
            Work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not make a test wrong.
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
