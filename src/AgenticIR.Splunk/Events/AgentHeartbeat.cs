using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>agent_heartbeat</c>: one per agent per heartbeat interval (agent health panel).</summary>
public sealed record AgentHeartbeat : IMetricsRecord
{
    /// <summary><c>triage_agent</c>, <c>investigation_agent</c>, <c>response_orchestrator</c>, <c>documentation_agent</c>
    /// or <c>learning_agent</c>.</summary>
    public required string AgentName { get; init; }
    /// <summary><c>healthy</c>, <c>degraded</c> or <c>error</c>.</summary>
    public required string Status { get; init; }
    /// <summary>ISO-8601 UTC time of the agent's last action; absent before its first.</summary>
    public string? LastActionTime { get; init; }
    /// <summary>Mean processing time over the interval.</summary>
    public required double ProcessingTimeMs { get; init; }
    public required int ErrorCount { get; init; }
    public required long ProcessedCount { get; init; }
    public required string Worker { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.AgentHeartbeat;
    [JsonIgnore] public string SourceId => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Worker}/{AgentName}/{Time.ToUnixTimeMilliseconds()}");
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
