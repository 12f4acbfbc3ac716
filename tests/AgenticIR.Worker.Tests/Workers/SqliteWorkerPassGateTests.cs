using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary>The gate contract on one SQLite file shared by both workers.</summary>
public sealed class SqliteWorkerPassGateTests : WorkerPassGateContract
{
    private readonly TempSqliteDatabase _database = new();

    protected override Task ConfigureStoreAsync(IServiceCollection services)
    {
        services.Configure<SqliteStoreOptions>(o => o.Path = _database.FilePath);
        return Task.CompletedTask;
    }

    protected override ValueTask DisposeStoreAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
