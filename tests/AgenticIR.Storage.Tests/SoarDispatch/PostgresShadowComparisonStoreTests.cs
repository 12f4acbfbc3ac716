using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.SoarDispatch;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresShadowComparisonStoreTests : ShadowComparisonStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IShadowComparisonStore> CreateStoreAsync() => (await _database.OpenAsync()).CreateShadowComparisons();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
