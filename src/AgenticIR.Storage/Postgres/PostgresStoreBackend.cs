using AgenticIR.Storage.Postgres.Retention;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Postgres.Audit;
using AgenticIR.Storage.Postgres.Controls;
using AgenticIR.Storage.Postgres.Governance;
using AgenticIR.Storage.Postgres.Metrics;
using AgenticIR.Storage.Postgres.ModeOverrides;
using AgenticIR.Storage.Postgres.Outbox;
using AgenticIR.Storage.Postgres.PolicyVersions;
using AgenticIR.Storage.Postgres.SoarBridge;
using AgenticIR.Storage.Postgres.SoarDispatch;
using AgenticIR.Storage.Postgres.Workers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>Every store on one PostgreSQL database through one <see cref="NpgsqlDataSource"/> (one connection pool for the
/// process, bounded by <see cref="PostgresStoreOptions.MaxPoolSize"/>). Their tables come from the state store's
/// migrations, applied by <see cref="IStateStore.InitializeAsync"/>, which the host calls once before use.</summary>
internal sealed class PostgresStoreBackend : StoreBackend, IDisposable, IAsyncDisposable
{
    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _time;

    public PostgresStoreBackend(PostgresStoreOptions options, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        // Waiting out an outage is wall-clock time whatever clock the stores stamp records with (tests give them a fake one).
        Database = new PostgresDatabase(new NpgsqlDataSourceBuilder(options.Build().ConnectionString).Build(), options.RetryWindow, TimeProvider.System, logger);
    }

    /// <summary>The process's pool, with the retries every store's work runs under.</summary>
    public PostgresDatabase Database { get; }

    /// <summary>The process's pool.</summary>
    public NpgsqlDataSource DataSource => Database.DataSource;

    public override IStateStore CreateStateStore() => new PostgresStateStore(Database, _time, _options.AfterCommit);

    // Only a log on this pool's database may append in the store's transactions.
    public override IStateStore CreateStateStore(IAuditTrail? trail) => new PostgresStateStore(Database, _time, _options.AfterCommit,
        trail is PostgresAuditLog log && string.Equals(log.Database.DataSource.ConnectionString, Database.DataSource.ConnectionString, StringComparison.Ordinal) ? log : null);

    public override IAuditTrail CreateAuditTrail() => new PostgresAuditLog(Database, _time);

    public override IMessageOutbox CreateMessageOutbox() => new PostgresMessageOutbox(Database, _time, _options.AfterCommit);

    public override IRetentionStore CreateRetention() => new PostgresRetentionStore(Database, _options.AfterCommit);

    public override IGovernanceControlStore CreateGovernanceControls() => new PostgresGovernanceControlStore(Database);

    public override IApprovalRequestStore CreateApprovalRequests() => new PostgresApprovalRequestStore(Database);

    public override PolicyVersionPorts CreatePolicyVersions()
    {
        var store = new PostgresPolicyVersionStore(Database);
        return new PolicyVersionPorts(store, store);
    }

    public override ISoarBridgeStore CreateSoarBridge() => new PostgresSoarBridgeStore(Database, _time);

    public override IDispatchLedger CreateDispatchLedger() => new PostgresDispatchLedger(Database);

    public override IShadowComparisonStore CreateShadowComparisons() => new PostgresShadowComparisonStore(Database);

    public override IMetricsOutbox CreateMetricsOutbox() => new PostgresMetricsOutbox(Database, _time);

    public override IPlaybookModeOverrides CreatePlaybookModeOverrides() => new PostgresPlaybookModeOverrideStore(Database);

    public override IWorkerRegistry CreateWorkerRegistry() => new PostgresWorkerRegistry(Database, _time);

    public override Core.Notifications.INotificationStore CreateNotificationStore() => new Notifications.PostgresNotificationStore(Database);

    public void Dispose() => Database.Dispose();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
