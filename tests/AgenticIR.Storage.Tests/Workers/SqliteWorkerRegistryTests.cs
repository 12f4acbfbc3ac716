using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Workers;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteWorkerRegistryTests : WorkerRegistryContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<(IWorkerRegistry Registry, IStateStore State)> CreateAsync()
    {
        var backend = new SqliteStoreBackend(await _database.MigratedAsync(Time), Time);
        return (backend.CreateWorkerRegistry(), backend.CreateStateStore());
    }

    public void Dispose() => _database.Dispose();
}
