using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Sqlite;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    internal string DatabasePath => Path.Combine(_directory, "state.db");

    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = DatabasePath }, Time);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
