using AgenticIR.Core.Bus;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Notifications;
using AgenticIR.Storage.Sqlite.Outbox;
using AgenticIR.Storage.Sqlite.Retention;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Retention;

/// <summary>The retention contract on a fresh SQLite file per test.</summary>
public sealed class SqliteRetentionStoreTests : RetentionStoreContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<(IStateStore Store, IMessageOutbox Outbox, IRetentionStore Retention)> CreateAsync()
    {
        var options = await _database.MigratedAsync(Time, TestContext.Current.CancellationToken);
        return (new SqliteStateStore(options, Time), new SqliteMessageOutbox(options, Time), new SqliteRetentionStore(options));
    }

    protected override async Task<INotificationStore> CreateNotificationStoreAsync() =>
        new SqliteNotificationStore(await _database.MigratedAsync(Time, TestContext.Current.CancellationToken));

    public void Dispose() => _database.Dispose();
}
