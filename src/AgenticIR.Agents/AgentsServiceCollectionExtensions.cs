using AgenticIR.Agents.Bus;
using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Investigation;
using AgenticIR.Agents.Learning;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tools;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Context;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents;

/// <summary>Registers the agents, their tools, the deterministic reasoner, the bus and the orchestrator.</summary>
public static class AgentsServiceCollectionExtensions
{
    /// <summary>Adds the pipeline around an already validated policy, action catalog and context store.
    /// Registrations use TryAdd, so a host can replace any seam (reasoner, gate, context) before calling this.</summary>
    public static IServiceCollection AddAgents(this IServiceCollection services, GovernancePolicy policy, IActionCatalog catalog, IContextStore context)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPolicyProvider>(new FixedPolicyProvider(policy));
        services.TryAddSingleton(catalog);
        services.TryAddSingleton(context);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ToolRegistry.CreateDefault(sp.GetRequiredService<IContextStore>()));
        services.TryAddSingleton<IReasoner, DeterministicReasoner>();
        services.TryAddSingleton<IActionGate, Governance.GovernanceActionGate>();
        services.TryAddSingleton<TriageAgent>();
        services.TryAddSingleton<InvestigationAgent>();
        services.TryAddSingleton<ResponsePlanner>();
        services.TryAddSingleton<DocumentationAgent>();
        services.TryAddSingleton<LearningAgent>();
        services.TryAddSingleton<PipelineAgents>();
        services.TryAddSingleton(new OutboxDeliveryOptions());
        services.TryAddSingleton<IMessageBus, InProcessMessageBus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageSubscriber, Audit.DecisionAuditor>());
        services.TryAddSingleton<ResponseExecutor>();
        services.TryAddSingleton<InvestigationOrchestrator>();
        services.TryAddSingleton<IInvestigationContinuation>(sp => sp.GetRequiredService<InvestigationOrchestrator>());
        return services;
    }
}
