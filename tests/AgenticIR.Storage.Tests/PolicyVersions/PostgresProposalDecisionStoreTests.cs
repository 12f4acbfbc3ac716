using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.PolicyVersions;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresProposalDecisionStoreTests : ProposalDecisionStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IProposalDecisionStore> CreateDecisionStoreAsync() => (await _database.OpenAsync()).CreatePolicyVersions().Decisions;

    protected override async Task<IStateStore> CreateStateStoreAsync() => (await _database.OpenAsync()).CreateStateStore();

    protected override async Task<IPolicyVersionStore> CreateVersionStoreAsync() => (await _database.OpenAsync()).CreatePolicyVersions().Versions;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
