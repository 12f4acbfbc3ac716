using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite.Governance;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Governance;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteApprovalRequestStoreTests : ApprovalRequestStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IApprovalRequestStore> CreateStoreAsync() => new SqliteApprovalRequestStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
