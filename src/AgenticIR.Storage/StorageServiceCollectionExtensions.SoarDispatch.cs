using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite dispatch ledger (<see cref="IDispatchLedger"/>) and shadow comparison store
    /// (<see cref="IShadowComparisonStore"/>) on the state store's file (a second call changes nothing). Their tables come
    /// from migration 0005, applied by <see cref="IStateStore.InitializeAsync"/>.</summary>
    public static IServiceCollection AddSqliteSoarDispatchStores(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<IDispatchLedger>(_ => new SqliteDispatchLedger(options));
        services.TryAddSingleton<IShadowComparisonStore>(_ => new SqliteShadowComparisonStore(options));
        return services;
    }
}
