using AgenticIR.Storage;
using AgenticIR.Storage.Postgres;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary>The gate contract on one PostgreSQL database (AGENTICIR_TEST_PG), each worker with its own connection pool.</summary>
public sealed class PostgresWorkerPassGateTests : WorkerPassGateContract
{
    private readonly TempPostgresDatabase _database = new();

    protected override async Task ConfigureStoreAsync(IServiceCollection services)
    {
        var connection = await _database.ConnectionStringAsync();
        services.Configure<StorageOptions>(o => o.Backend = StorageOptions.PostgresBackend);
        services.Configure<PostgresStoreOptions>(o => o.ConnectionString = connection);
    }

    protected override ValueTask DisposeStoreAsync() => _database.DisposeAsync();
}
