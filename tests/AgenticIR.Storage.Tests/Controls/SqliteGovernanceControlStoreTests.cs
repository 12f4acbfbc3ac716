using AgenticIR.Core.Governance;
using AgenticIR.Storage.Sqlite.Controls;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Controls;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteGovernanceControlStoreTests : GovernanceControlStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IGovernanceControlStore> CreateStoreAsync() => new SqliteGovernanceControlStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
