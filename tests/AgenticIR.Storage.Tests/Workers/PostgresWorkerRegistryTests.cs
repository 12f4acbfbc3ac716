using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Workers;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each instance comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresWorkerRegistryTests : WorkerRegistryContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<(IWorkerRegistry Registry, IStateStore State)> CreateAsync()
    {
        var backend = await _database.OpenAsync(Time);
        return (backend.CreateWorkerRegistry(), backend.CreateStateStore());
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
