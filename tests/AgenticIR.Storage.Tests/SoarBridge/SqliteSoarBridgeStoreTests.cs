using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Sqlite.SoarBridge;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.SoarBridge;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteSoarBridgeStoreTests : SoarBridgeStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<ISoarBridgeStore> CreateStoreAsync() => new SqliteSoarBridgeStore(await _database.MigratedAsync(Time), Time);

    public void Dispose() => _database.Dispose();
}
