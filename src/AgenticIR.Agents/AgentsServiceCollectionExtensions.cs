using AgenticIR.Agents.Bus;
using AgenticIR.Agents.Context;
using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Investigation;
using AgenticIR.Agents.Learning;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tools;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Context;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents;

/// <summary>Registers the agents: the five agents, tools, the deterministic reasoner, the bus and the orchestrator.</summary>
public static class AgentsServiceCollectionExtensions
{
    /// <summary>Adds the agents (TryAdd throughout, so a host may replace any seam, such as the reasoner, by registering
    /// it first). Needs, from elsewhere: the governance ports (<see cref="IPolicyProvider"/>, <see cref="IActionGate"/>,
    /// <see cref="IDispatchGuard"/>, <see cref="IApprovalRequestRecorder"/>), the
    /// <see cref="Core.Catalog.IActionCatalog"/>, the storage ports, logging, and any adapter's
    /// <see cref="IInvestigationToolSource"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="contextFolder">The local context folder (assets, identities, threat intel, telemetry), read on first use.</param>
    public static IServiceCollection AddAgents(this IServiceCollection services, string contextFolder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(contextFolder);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContextStore>(_ => LocalContextStore.Load(contextFolder));

        // The built-in local-context tools, then every adapter's (a SOAR's enrichment actions).
        services.TryAddSingleton(sp => ToolRegistry.CreateDefault(sp.GetRequiredService<IContextStore>(), sp.GetServices<IInvestigationToolSource>()));
        services.TryAddSingleton<IReasoner, DeterministicReasoner>();
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
        services.TryAddSingleton<ResponseExecutor>();

        // Intake takes each input once and hands new investigations to the stage runner; both change an investigation
        // only through the writer, whose saves carry the outbox messages.
        services.TryAddSingleton<RecentInvestigations>();
        services.TryAddSingleton<InvestigationWriter>();
        services.TryAddSingleton<IInvestigationClaims, UnclaimedInvestigations>();
        services.TryAddSingleton(sp => new StageRunner(
            sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<IMessageBus>(), sp.GetRequiredService<PipelineAgents>(),
            sp.GetRequiredService<IReportSink>(), sp.GetRequiredService<ResponseExecutor>(), sp.GetRequiredService<IApprovalRequestRecorder>(),
            sp.GetRequiredService<InvestigationWriter>(), sp.GetRequiredService<RecentInvestigations>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StageRunner>>(),
            sp.GetRequiredService<IInvestigationClaims>(), sp.GetService<IAgentGate>()));
        services.TryAddSingleton<IInvestigationContinuation>(sp => sp.GetRequiredService<StageRunner>());
        services.TryAddSingleton<IAlertIntake, AlertIntake>();
        return services;
    }
}
