using AgenticIR.Core.Audit;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgenticIR.Storage;

/// <summary>Registers the storage ports on the configured back end.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers every storage port (state store, audit trail, governance controls, approval requests, policy
    /// versions and proposal decisions, SOAR bridge and dispatch ledgers, shadow comparisons, metrics outbox, playbook mode
    /// caps, the message outbox that tracks delivery of what the state store saves, the worker registry) as singletons of the back end <see cref="StorageOptions.Backend"/> names, with <see cref="StorageOptions"/>,
    /// <see cref="SqliteStoreOptions"/> and <see cref="PostgresStoreOptions"/> validated at start-up (the PostgreSQL ones only
    /// when that back end is chosen; a URI in <see cref="StorageOptions.Backend"/> becomes their connection). The host binds those options from configuration and calls
    /// <see cref="IStateStore.InitializeAsync"/> once before use (it applies every migration). TryAdd throughout, so a
    /// second call, or a registration made first, wins.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<SqliteStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.AddOptions<PostgresStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStoreOptions>, PostgresStoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PostgresStoreOptions>, PostgresConnectionFromBackend>());

        // The one place the back end is chosen; reading the options value runs their validation first.
        services.TryAddSingleton<StoreBackend>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Kind switch
        {
            StoreKind.Sqlite => new SqliteStoreBackend(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()),
            StoreKind.Postgres => new PostgresStoreBackend(sp.GetRequiredService<IOptions<PostgresStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger("AgenticIR.Storage.Postgres")),
            _ => throw new InvalidOperationException($"No storage back end {sp.GetRequiredService<IOptions<StorageOptions>>().Value}."),
        });

        // The state store writes the stages' audit records in their saves when the audit trail is on its database.
        services.TryAddSingleton(sp => Backend(sp).CreateStateStore(sp.GetService<IAuditTrail>()));
        services.TryAddSingleton(sp => Backend(sp).CreateMessageOutbox());
        services.TryAddSingleton(sp => Backend(sp).CreateRetention());
        services.TryAddSingleton(sp => Backend(sp).CreateAuditTrail());
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<IAuditTrail>());
        services.TryAddSingleton(sp => Backend(sp).CreateGovernanceControls());
        services.TryAddSingleton(sp => Backend(sp).CreateApprovalRequests());
        services.TryAddSingleton(sp => Backend(sp).CreatePolicyVersions());
        services.TryAddSingleton(sp => sp.GetRequiredService<PolicyVersionPorts>().Versions);
        services.TryAddSingleton(sp => sp.GetRequiredService<PolicyVersionPorts>().Decisions);
        services.TryAddSingleton(sp => Backend(sp).CreateSoarBridge());
        services.TryAddSingleton(sp => Backend(sp).CreateDispatchLedger());
        services.TryAddSingleton(sp => Backend(sp).CreateShadowComparisons());
        services.TryAddSingleton(sp => Backend(sp).CreateMetricsOutbox());
        services.TryAddSingleton(sp => Backend(sp).CreatePlaybookModeOverrides());
        services.TryAddSingleton(sp => Backend(sp).CreateNotificationStore());
        services.TryAddSingleton(sp => Backend(sp).CreateWorkerRegistry());
        return services;
    }

    private static StoreBackend Backend(IServiceProvider services) => services.GetRequiredService<StoreBackend>();
}
