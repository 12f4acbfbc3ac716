using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Governance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers the approval-request store (deadlines and escalations of pending actions) on the SQLite file.</summary>
    public static IServiceCollection AddSqliteApprovalRequests(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IApprovalRequestStore>(_ => new SqliteApprovalRequestStore(options));
        return services;
    }
}
