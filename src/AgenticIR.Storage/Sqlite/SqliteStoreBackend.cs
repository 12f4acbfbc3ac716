using AgenticIR.Storage.Sqlite.Retention;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Sqlite.Controls;
using AgenticIR.Storage.Sqlite.Governance;
using AgenticIR.Storage.Sqlite.Metrics;
using AgenticIR.Storage.Sqlite.ModeOverrides;
using AgenticIR.Storage.Sqlite.Outbox;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using AgenticIR.Storage.Sqlite.SoarBridge;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Storage.Sqlite.Workers;

namespace AgenticIR.Storage.Sqlite;

/// <summary>Every store on one SQLite file. Their tables come from the state store's migrations, applied by
/// <see cref="IStateStore.InitializeAsync"/>, which the host calls once before use.</summary>
internal sealed class SqliteStoreBackend(SqliteStoreOptions options, TimeProvider time) : StoreBackend
{
    public override IStateStore CreateStateStore() => new SqliteStateStore(options, time);

    public override IStateStore CreateStateStore(IAuditTrail? trail) => new SqliteStateStore(options, time, trail as SqliteAuditLog);

    public override IAuditTrail CreateAuditTrail() => new SqliteAuditLog(options, time);

    public override IMessageOutbox CreateMessageOutbox() => new SqliteMessageOutbox(options, time);

    public override IRetentionStore CreateRetention() => new SqliteRetentionStore(options);

    public override IGovernanceControlStore CreateGovernanceControls() => new SqliteGovernanceControlStore(options);

    public override IApprovalRequestStore CreateApprovalRequests() => new SqliteApprovalRequestStore(options);

    public override PolicyVersionPorts CreatePolicyVersions()
    {
        var store = new SqlitePolicyVersionStore(options);
        return new PolicyVersionPorts(store, store);
    }

    public override ISoarBridgeStore CreateSoarBridge() => new SqliteSoarBridgeStore(options, time);

    public override IDispatchLedger CreateDispatchLedger() => new SqliteDispatchLedger(options);

    public override IShadowComparisonStore CreateShadowComparisons() => new SqliteShadowComparisonStore(options);

    public override IMetricsOutbox CreateMetricsOutbox() => new SqliteMetricsOutbox(options, time);

    public override IPlaybookModeOverrides CreatePlaybookModeOverrides() => new SqlitePlaybookModeOverrideStore(options);

    public override IWorkerRegistry CreateWorkerRegistry() => new SqliteWorkerRegistry(options, time);

    public override Core.Notifications.INotificationStore CreateNotificationStore() => new Notifications.SqliteNotificationStore(options);
}
