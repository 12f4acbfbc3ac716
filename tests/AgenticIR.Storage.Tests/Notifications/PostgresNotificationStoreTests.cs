using AgenticIR.Core.Notifications;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Notifications;

/// <summary>The contract suite on a fresh PostgreSQL database per test; each store comes from a backend with its own
/// connection pool, as another worker process would have.</summary>
[Trait("Category", "Service")]
public sealed class PostgresNotificationStoreTests : NotificationStoreContract, IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task<INotificationStore> CreateStoreAsync() => (await _database.OpenAsync()).CreateNotificationStore();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
