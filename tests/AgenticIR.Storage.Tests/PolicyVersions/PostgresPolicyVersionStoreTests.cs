using AgenticIR.Core.Policy;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.PolicyVersions;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresPolicyVersionStoreTests : PolicyVersionStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IPolicyVersionStore> CreateVersionStoreAsync() => (await _database.OpenAsync()).CreatePolicyVersions().Versions;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
