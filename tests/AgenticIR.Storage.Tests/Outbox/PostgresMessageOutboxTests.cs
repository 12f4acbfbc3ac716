using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Outbox;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
public sealed class PostgresMessageOutboxTests : MessageOutboxContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<(IStateStore Store, IMessageOutbox Outbox)> CreateAsync()
    {
        var backend = await _database.OpenAsync(Time);
        return (backend.CreateStateStore(), backend.CreateMessageOutbox());
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
