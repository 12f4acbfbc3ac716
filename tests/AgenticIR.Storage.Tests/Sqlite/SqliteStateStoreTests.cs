using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

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

    public void Dispose() => _database.Dispose();
}
