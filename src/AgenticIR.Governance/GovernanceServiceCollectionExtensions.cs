using AgenticIR.Core.Bus;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Governance.Approvals;
using AgenticIR.Governance.Approvals.Delegation;
using AgenticIR.Governance.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Governance.Controls;
using AgenticIR.Governance.Health;
using AgenticIR.Governance.Loop;
using AgenticIR.Governance.Notifications;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Soar;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Governance.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Governance;

/// <summary>Registers governance: the policy's hot reload and the proposal review; the action gate and approvals (requests,
/// answers, timeouts, delegation to a SOAR's approvers); the dispatch guard and kill switches; the decision auditor; the
/// morning review; the governance loop.</summary>
public static class GovernanceServiceCollectionExtensions
{
    /// <summary>Adds governance (TryAdd throughout, so a host may replace any seam, such as the gate or the notifier, by
    /// registering it first). Needs, from elsewhere: the <see cref="GovernancePolicy"/> validated at start-up and the
    /// <see cref="PolicyFileSource"/>, the storage ports, <see cref="IInvestigationContinuation"/> (the orchestrator), the
    /// <see cref="IMessageBus"/>, and logging. The host calls <see cref="ReloadingPolicyProvider.InitializeAsync"/> once the
    /// store is initialized, and <see cref="ReloadingPolicyProvider.StartWatching"/> in long-running commands.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        // Policy lifecycle: hot reload of the validated file, audited versions, the learning agent's proposals.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReloadingPolicyProvider>(sp));
        services.TryAddSingleton<IPolicyProvider>(sp => sp.GetRequiredService<ReloadingPolicyProvider>());
        services.TryAddSingleton<ProposalReview>();

        // Controls: kill switches and the dispatch guard.
        services.TryAddSingleton<IGovernanceNotifier, TierlessGovernanceNotifier>();
        services.TryAddSingleton<KillSwitchService>();
        services.TryAddSingleton<GovernanceDispatchGuard>();
        services.TryAddSingleton<IDispatchGuard>(sp => sp.GetRequiredService<GovernanceDispatchGuard>());

        // The gate, approvals and the morning review.
        services.TryAddSingleton<IActionGate, GovernanceActionGate>();
        services.TryAddSingleton<ApprovalRequestAuditor>();
        services.TryAddSingleton<IApprovalRequestRecorder>(sp => sp.GetRequiredService<ApprovalRequestAuditor>());
        services.TryAddSingleton<IApprovalService, ApprovalService>();
        services.TryAddSingleton<ApprovalTimeoutMonitor>();
        services.TryAddSingleton<PendingApprovals>();
        services.TryAddSingleton<DelegatedApprovals>();
        services.TryAddSingleton<IDelegatedApprovals>(sp => sp.GetRequiredService<DelegatedApprovals>());
        services.TryAddSingleton<GovernanceReport>();
        services.TryAddSingleton<BreakGlassReview>();

        // Agent health: the orchestrator asks the gate before each stage; the monitor trips and probes the breakers.
        services.TryAddSingleton<AgentLatencyWindow>();
        services.TryAddSingleton<IAgentGate>(sp => new StoreAgentGate(sp.GetRequiredService<IGovernanceControlStore>(), sp.GetRequiredService<AgentLatencyWindow>()));
        services.TryAddSingleton(sp => new AgentHealthReader(sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<IGovernanceControlStore>(), sp.GetRequiredService<AgentLatencyWindow>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<AgentHealthMonitor>(sp));

        // Notifications: raised into the outbox in the store, delivered by the pass the governance loop runs (the log here;
        // SOAR notes, operations items and mail by the Soar project's deliverers).
        services.TryAddSingleton<INotificationSink>(sp => new NotificationService(
            sp.GetRequiredService<INotificationStore>(), sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<IPolicyProvider>(),
            sp.GetService<SoarInstanceSet>() ?? SoarInstanceSet.None, sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationDeliverer, LogNotificationDeliverer>());
        services.TryAddSingleton<NotificationDeliveryPass>();

        // The clockwork the host runs every few seconds: timeouts, and held actions resumed once a switch is released.
        services.TryAddSingleton<GovernanceLoop>();

        // Every decision, enrichment query and action outcome the outbox delivers becomes an audit record.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageSubscriber, DecisionAuditor>());
        return services;
    }
}
