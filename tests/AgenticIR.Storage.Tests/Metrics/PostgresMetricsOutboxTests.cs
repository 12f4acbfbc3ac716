using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Metrics;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresMetricsOutboxTests : MetricsOutboxContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<IMetricsOutbox> CreateOutboxAsync() => (await _database.OpenAsync(Time)).CreateMetricsOutbox();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
