using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Investigation;
using AgenticIR.Agents.Learning;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Orchestration;

/// <summary>The five agents and the gate, grouped so the orchestrator's constructor stays readable.</summary>
public sealed record PipelineAgents(
    TriageAgent Triage,
    InvestigationAgent Investigation,
    ResponsePlanner Planner,
    IActionGate Gate,
    DocumentationAgent Documentation,
    LearningAgent Learning);
