namespace AgenticIR.Splunk.Events;

/// <summary>The index and sourcetypes our events use; the names are the article's, so its SPL panels run unchanged.</summary>
public static class Sourcetypes
{
    public const string Index = "agentic_ir";
    public const string Source = "agentic_ir";

    public const string InvestigationMetrics = "investigation_metrics";
    public const string LearningMetrics = "learning_metrics";
    public const string ResponseMetrics = "response_metrics";
    public const string AgentHeartbeat = "agent_heartbeat";
    public const string IncidentMetrics = "incident_metrics";
    public const string ShadowComparison = "shadow_comparison";
    public const string PlaybookAudit = "playbook_audit";
    public const string ModelUsage = "llm_usage";

    public static IReadOnlyList<string> All { get; } =
        [InvestigationMetrics, LearningMetrics, ResponseMetrics, AgentHeartbeat, IncidentMetrics, ShadowComparison, ModelUsage];
}
