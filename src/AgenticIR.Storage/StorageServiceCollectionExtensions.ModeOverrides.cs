using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.ModeOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqlitePlaybookModeOverrideStore"/> as the singleton <see cref="IPlaybookModeOverrides"/>
    /// on the state store's file (a second call changes nothing). Its table comes from migration 0009, applied by
    /// <c>IStateStore.InitializeAsync</c>.</summary>
    public static IServiceCollection AddSqlitePlaybookModeOverrides(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<IPlaybookModeOverrides>(_ => new SqlitePlaybookModeOverrideStore(options));
        return services;
    }
}
