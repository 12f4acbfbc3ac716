using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresStateStoreTests : StateStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var store = (await _database.OpenAsync(Time)).CreateStateStore();
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
