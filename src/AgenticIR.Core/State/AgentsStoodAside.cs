namespace AgenticIR.Core.State;

/// <summary>Why the agents stopped working on an investigation and handed it back to the playbook and the analysts.</summary>
/// <param name="Cause"><c>kill_switch</c>, <c>breaker</c> (agent health) or <c>capabilities</c> (the playbook entry enables
/// fewer stages).</param>
/// <param name="Agent">The agent that would have run next, e.g. <c>investigation_agent</c>.</param>
/// <param name="Reason">Why, in words for the analyst.</param>
/// <param name="AtStage">The stage the investigation was at when the agents stood aside.</param>
/// <param name="At">When.</param>
public sealed record AgentsStoodAside(string Cause, string Agent, string Reason, InvestigationStage AtStage, DateTimeOffset At)
{
    /// <summary>Cause when the playbook entry's <c>capabilities</c> end before the next stage.</summary>
    public const string CapabilitiesCause = "capabilities";
}
