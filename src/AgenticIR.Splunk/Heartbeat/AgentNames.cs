namespace AgenticIR.Splunk.Heartbeat;

/// <summary>The agents that send heartbeats, named as the article's agent health panel expects.</summary>
public static class AgentNames
{
    public const string Triage = "triage_agent";
    public const string Investigation = "investigation_agent";
    public const string Response = "response_orchestrator";
    public const string Documentation = "documentation_agent";
    public const string Learning = "learning_agent";

    public static IReadOnlyList<string> All { get; } = [Triage, Investigation, Response, Documentation, Learning];
}
