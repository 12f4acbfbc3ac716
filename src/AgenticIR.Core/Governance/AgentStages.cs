using AgenticIR.Core.State;

namespace AgenticIR.Core.Governance;

/// <summary>The five agents of the pipeline, by the names kill switches (<c>agent:&lt;name&gt;</c>), breakers and the agent
/// health panel use, and which of them does the work of leaving each stage.</summary>
public static class AgentStages
{
    /// <summary>Triage agent.</summary>
    public const string Triage = "triage_agent";

    /// <summary>Investigation agent.</summary>
    public const string Investigation = "investigation_agent";

    /// <summary>Response orchestrator (plans and dispatches).</summary>
    public const string Response = "response_orchestrator";

    /// <summary>Documentation agent.</summary>
    public const string Documentation = "documentation_agent";

    /// <summary>Learning agent.</summary>
    public const string Learning = "learning_agent";

    /// <summary>Every agent, in pipeline order.</summary>
    public static IReadOnlyList<string> All { get; } = [Triage, Investigation, Response, Documentation, Learning];

    /// <summary>The agents that do the work of leaving <paramref name="stage"/>. Documentation and learning share one stage.</summary>
    public static IReadOnlyList<string> AgentsOf(InvestigationStage stage) => stage switch
    {
        InvestigationStage.Received => [Triage],
        InvestigationStage.Triaged or InvestigationStage.Investigating => [Investigation],
        InvestigationStage.Investigated or InvestigationStage.Planned or InvestigationStage.AwaitingApproval or InvestigationStage.Responding => [Response],
        InvestigationStage.Responded => [Documentation, Learning],
        _ => [],
    };
}
