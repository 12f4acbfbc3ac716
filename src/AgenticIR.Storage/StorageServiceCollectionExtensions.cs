using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

/// <summary>Registers the state store.</summary>
public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqliteStateStore"/> as the singleton <see cref="IStateStore"/> and, on the same file,
    /// <see cref="SqliteMessageOutbox"/> as the <see cref="IMessageOutbox"/> that tracks the delivery of the messages the
    /// store saves (a second call changes nothing). The host must still call <see cref="IStateStore.InitializeAsync"/> once before use.</summary>
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStateStore>(sp => new SqliteStateStore(options, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IMessageOutbox>(sp => new SqliteMessageOutbox(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
