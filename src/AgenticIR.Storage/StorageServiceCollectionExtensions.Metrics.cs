using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqliteMetricsOutbox"/> as the singleton <see cref="IMetricsOutbox"/> on the state
    /// store's file (a second call changes nothing). Its table is created when <see cref="IStateStore.InitializeAsync"/> runs.</summary>
    public static IServiceCollection AddSqliteMetricsOutbox(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricsOutbox>(sp => new SqliteMetricsOutbox(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
