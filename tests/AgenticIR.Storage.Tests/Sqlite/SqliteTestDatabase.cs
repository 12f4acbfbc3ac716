using AgenticIR.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Tests.Sqlite;

/// <summary>One test's SQLite file in its own temp folder, migrated on first use as the worker prepares it; every store
/// opened on it reaches the same database, as a second process would.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));
    private bool _migrated;

    public string DatabasePath => Path.Combine(_directory, "state.db");

    /// <summary>Options for a store on this file (not yet migrated).</summary>
    public SqliteStoreOptions Options => new() { Path = DatabasePath };

    /// <summary>Options for a store on this file, after the schema migrations have run once.</summary>
    public async Task<SqliteStoreOptions> MigratedAsync(TimeProvider? time = null)
    {
        if (!_migrated)
        {
            await new SqliteStateStore(Options, time ?? TimeProvider.System).InitializeAsync(TestContext.Current.CancellationToken);
            _migrated = true;
        }
        return Options;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not make a test wrong.
        }
    }
}
