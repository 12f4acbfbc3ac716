using AgenticIR.Core.Governance;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Controls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers the governance control store (kill switches, breaker counters) on the SQLite file.</summary>
    public static IServiceCollection AddSqliteGovernanceControls(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IGovernanceControlStore>(_ => new SqliteGovernanceControlStore(options));
        return services;
    }
}
