using AgenticIR.Core.Bus;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;

namespace AgenticIR.Storage;

/// <summary>One back end's stores. <see cref="StorageServiceCollectionExtensions.AddStorage"/> picks the back end once;
/// every port is then created by it, so a second back end (PostgreSQL) is one more subclass and one more case there.</summary>
internal abstract class StoreBackend
{
    public abstract IStateStore CreateStateStore();

    /// <summary>A state store that writes the audit records of the messages it saves to <paramref name="trail"/> in the
    /// save's transaction when that trail is this back end's on the same database; otherwise like <see cref="CreateStateStore()"/>.</summary>
    public virtual IStateStore CreateStateStore(IAuditTrail? trail) => CreateStateStore();

    /// <summary>One instance for both audit ports, so every append in the process goes through its one write gate.</summary>
    public abstract IAuditTrail CreateAuditTrail();

    /// <summary>The delivery state of the messages the state store saves with each stage.</summary>
    public abstract IMessageOutbox CreateMessageOutbox();

    /// <summary>The retention pass over the state store's tables.</summary>
    public abstract IRetentionStore CreateRetention();

    public abstract IGovernanceControlStore CreateGovernanceControls();

    public abstract IApprovalRequestStore CreateApprovalRequests();

    /// <summary>One instance for the policy-version history and the proposal decisions.</summary>
    public abstract PolicyVersionPorts CreatePolicyVersions();

    public abstract ISoarBridgeStore CreateSoarBridge();

    public abstract IDispatchLedger CreateDispatchLedger();

    public abstract IShadowComparisonStore CreateShadowComparisons();

    public abstract IMetricsOutbox CreateMetricsOutbox();

    public abstract IPlaybookModeOverrides CreatePlaybookModeOverrides();

    /// <summary>The workers sharing the store, their claims and leases, and the counts <c>status</c> reports.</summary>
    public abstract IWorkerRegistry CreateWorkerRegistry();

    /// <summary>The notification outbox.</summary>
    public abstract Core.Notifications.INotificationStore CreateNotificationStore();
}
