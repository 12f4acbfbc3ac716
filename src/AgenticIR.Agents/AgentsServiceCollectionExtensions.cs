using AgenticIR.Agents.Bus;
using AgenticIR.Agents.Context;
using AgenticIR.Agents.Controls;
using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Governance;
using AgenticIR.Agents.Governance.Delegation;
using AgenticIR.Agents.Investigation;
using AgenticIR.Agents.Learning;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Agents.PolicyLifecycle;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Review;
using AgenticIR.Agents.Tools;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Context;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents;

/// <summary>Registers the agents and their governance: the five agents, tools, the deterministic reasoner, the bus and
/// the orchestrator; the dispatch guard and kill switches; approvals; the morning review; the policy's hot reload and
/// the proposal review.</summary>
public static class AgentsServiceCollectionExtensions
{
    /// <summary>Adds the agents (TryAdd throughout, so a host may replace any seam, such as the reasoner, the gate or the
    /// notifier, by registering it first). Needs, from elsewhere: the <see cref="GovernancePolicy"/> validated at
    /// start-up, the <see cref="Core.Catalog.IActionCatalog"/> and the <see cref="PolicyFileSource"/> (definitions), the
    /// storage ports, and logging. The host calls <see cref="ReloadingPolicyProvider.InitializeAsync"/> once the store is
    /// initialized, and <see cref="ReloadingPolicyProvider.StartWatching"/> in long-running commands.</summary>
    /// <param name="services">The services.</param>
    /// <param name="contextFolder">The local context folder (assets, identities, threat intel, telemetry), read on first use.</param>
    public static IServiceCollection AddAgents(this IServiceCollection services, string contextFolder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(contextFolder);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContextStore>(_ => LocalContextStore.Load(contextFolder));

        // Policy lifecycle: hot reload of the validated file, audited versions, the learning agent's proposals.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReloadingPolicyProvider>(sp));
        services.TryAddSingleton<IPolicyProvider>(sp => sp.GetRequiredService<ReloadingPolicyProvider>());
        services.TryAddSingleton<ProposalReview>();

        // Controls: kill switches and the dispatch guard.
        services.TryAddSingleton<IGovernanceNotifier, LoggingGovernanceNotifier>();
        services.TryAddSingleton<KillSwitchService>();
        services.TryAddSingleton<GovernanceDispatchGuard>();
        services.TryAddSingleton<IDispatchGuard>(sp => sp.GetRequiredService<GovernanceDispatchGuard>());

        // Approvals and the morning review.
        services.TryAddSingleton<ApprovalRequestAuditor>();
        services.TryAddSingleton<IApprovalRequestRecorder>(sp => sp.GetRequiredService<ApprovalRequestAuditor>());
        services.TryAddSingleton<IApprovalService, ApprovalService>();
        services.TryAddSingleton<ApprovalTimeoutMonitor>();
        services.TryAddSingleton<PendingApprovals>();
        services.TryAddSingleton<DelegatedApprovals>();
        services.TryAddSingleton<IDelegatedApprovals>(sp => sp.GetRequiredService<DelegatedApprovals>());
        services.TryAddSingleton<GovernanceReport>();

        // The agents and the orchestrator.
        // The built-in local-context tools, then every adapter's (a SOAR's enrichment actions).
        services.TryAddSingleton(sp => ToolRegistry.CreateDefault(sp.GetRequiredService<IContextStore>(), sp.GetServices<IInvestigationToolSource>()));
        services.TryAddSingleton<IReasoner, DeterministicReasoner>();
        services.TryAddSingleton<IActionGate, GovernanceActionGate>();
        services.TryAddSingleton<TriageAgent>();
        services.TryAddSingleton<InvestigationAgent>();
        services.TryAddSingleton<ResponsePlanner>();
        services.TryAddSingleton<DocumentationAgent>();
        services.TryAddSingleton<LearningAgent>();
        // A closed SOAR case's verdict becomes its investigation's outcome (the shadow observer calls it); learning then
        // scores triage against it, which is what the triage accuracy panel shows.
        services.TryAddSingleton<IOutcomeRecorder, OutcomeRecorder>();
        services.TryAddSingleton<PipelineAgents>();
        services.TryAddSingleton(new OutboxDeliveryOptions());
        services.TryAddSingleton<IMessageBus, InProcessMessageBus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageSubscriber, Audit.DecisionAuditor>());
        services.TryAddSingleton<ResponseExecutor>();
        services.TryAddSingleton<InvestigationOrchestrator>();
        services.TryAddSingleton<IInvestigationContinuation>(sp => sp.GetRequiredService<InvestigationOrchestrator>());
        services.TryAddSingleton<IAlertIntake>(sp => sp.GetRequiredService<InvestigationOrchestrator>());
        return services;
    }
}
