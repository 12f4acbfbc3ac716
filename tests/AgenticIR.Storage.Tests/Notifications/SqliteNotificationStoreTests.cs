using AgenticIR.Core.Notifications;
using AgenticIR.Storage.Sqlite.Notifications;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Notifications;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteNotificationStoreTests : NotificationStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<INotificationStore> CreateStoreAsync() => new SqliteNotificationStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
