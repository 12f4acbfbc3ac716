using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.SoarDispatch;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteShadowComparisonStoreTests : ShadowComparisonStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IShadowComparisonStore> CreateStoreAsync() => new SqliteShadowComparisonStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
