using AgenticIR.Core.Policy;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.PolicyVersions;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqlitePolicyVersionStoreTests : PolicyVersionStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IPolicyVersionStore> CreateVersionStoreAsync() => new SqlitePolicyVersionStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
