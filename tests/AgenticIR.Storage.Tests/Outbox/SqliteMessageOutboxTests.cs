using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Outbox;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing;
using AgenticIR.Testing.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Tests.Outbox;

/// <summary>The contract suite on a fresh SQLite file per test, and the upgrade of a file from before delivery was tracked.</summary>
public sealed class SqliteMessageOutboxTests : MessageOutboxContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override async Task<(IStateStore Store, IMessageOutbox Outbox)> CreateAsync()
    {
        var options = await _database.MigratedAsync(Time, Ct);
        return (new SqliteStateStore(options, Time), new SqliteMessageOutbox(options, Time));
    }

    [Fact]
    public async Task InitializeAsync_MessagesSavedBeforeDeliveryWasTracked_CountAsDelivered()
    {
        // A database at the schema before the outbox tracked delivery, holding a message from that time.
        await using (var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
            var folder = Path.Combine(RepoPaths.Root, "src", "AgenticIR.Storage", "Sqlite", "Migrations");
            foreach (var file in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).Where(f => string.CompareOrdinal(Path.GetFileName(f), "0011") < 0))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                await connection.ExecuteAsync(await File.ReadAllTextAsync(file, Ct));
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, @name, '2026-01-01T00:00:00Z');",
                    new { version = int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name });
            }
            await connection.ExecuteAsync(
                "INSERT INTO bus_messages (id, type, investigation_id, summary, created_at) VALUES ('inv-old:plan_ready:3', 'plan_ready', 'inv-old', '1 action', '2026-01-01T00:00:00.0000000+00:00');");
        }

        var (store, outbox) = await CreateAsync();

        Assert.Empty(await outbox.ListPendingAsync(0, 10, Ct));
        Assert.Equal([MessageType.PlanReady], (await store.ListMessagesAsync("inv-old", Ct)).Select(m => m.Type));
    }

    public void Dispose() => _database.Dispose();
}
