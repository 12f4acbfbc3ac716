using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>shadow_comparison</c>: the agents beside the playbook for one shadow-mode container (agreement and
/// graduation panels). Agreements are 1/0 so <c>avg()</c> is the rate; absent when not comparable.</summary>
public sealed record ShadowComparisonMetrics : IMetricsRecord
{
    public required string InvestigationId { get; init; }
    public required string ContainerId { get; init; }
    public required string Instance { get; init; }
    public required string Playbook { get; init; }
    /// <summary>The agents' severity.</summary>
    public required string Severity { get; init; }
    public string? PlaybookSeverity { get; init; }
    /// <summary>Same as <see cref="PlaybookSeverity"/>: the container's final severity, named as the article names it.</summary>
    public string? ActualSeverity { get; init; }
    public int? SeverityAgreement { get; init; }
    public string? AgentDisposition { get; init; }
    public string? AnalystDisposition { get; init; }
    public int? DispositionAgreement { get; init; }
    public required double ActionOverlap { get; init; }
    public required IReadOnlyList<string> AgentActions { get; init; }
    public required IReadOnlyList<string> PlaybookActions { get; init; }
    public required int ExtraFindings { get; init; }
    public required int MissedFindings { get; init; }
    public double? AgentTimeToDecisionSeconds { get; init; }
    public double? PlaybookTimeToDecisionSeconds { get; init; }
    public required bool HarmfulDisagreement { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.ShadowComparison;
    [JsonIgnore] public string SourceId => $"{InvestigationId}/{Instance}/{ContainerId}";
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
