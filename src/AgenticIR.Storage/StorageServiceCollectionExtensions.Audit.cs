using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqliteAuditLog"/> as the singleton <see cref="IAuditTrail"/> and <see cref="IAuditLog"/>
    /// (one instance, so every append in the process goes through its one write gate). The host must still call
    /// <c>IStateStore.InitializeAsync</c> on the same file before use; that applies the audit migration.</summary>
    public static IServiceCollection AddSqliteAuditLog(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteAuditLog(options, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<SqliteAuditLog>());
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteAuditLog>());
        return services;
    }
}
