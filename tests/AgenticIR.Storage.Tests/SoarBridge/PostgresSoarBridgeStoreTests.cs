using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.SoarBridge;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresSoarBridgeStoreTests : SoarBridgeStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<ISoarBridgeStore> CreateStoreAsync() => (await _database.OpenAsync(Time)).CreateSoarBridge();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
