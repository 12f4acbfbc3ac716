using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarBridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqliteSoarBridgeStore"/> as the singleton <see cref="ISoarBridgeStore"/> on the state
    /// store's file (a second call changes nothing). The state store's InitializeAsync applies its migration.</summary>
    public static IServiceCollection AddSqliteSoarBridgeStore(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISoarBridgeStore>(sp => new SqliteSoarBridgeStore(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
