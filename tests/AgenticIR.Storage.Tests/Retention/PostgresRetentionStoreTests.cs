using AgenticIR.Core.Bus;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Retention;

/// <summary>The retention contract on a fresh PostgreSQL database per test.</summary>
public sealed class PostgresRetentionStoreTests : RetentionStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<(IStateStore Store, IMessageOutbox Outbox, IRetentionStore Retention)> CreateAsync()
    {
        var backend = await _database.OpenAsync(Time);
        return (backend.CreateStateStore(), backend.CreateMessageOutbox(), backend.CreateRetention());
    }

    protected override async Task<INotificationStore> CreateNotificationStoreAsync() => (await _database.OpenAsync(Time)).CreateNotificationStore();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
