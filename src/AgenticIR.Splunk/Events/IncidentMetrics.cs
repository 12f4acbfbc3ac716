using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>incident_metrics</c>: one per investigation and final stage (autonomous vs assisted KPI).</summary>
public sealed record IncidentMetrics : IMetricsRecord
{
    public required string InvestigationId { get; init; }
    /// <summary><c>autonomous</c>, <c>assisted</c> or <c>manual</c> (triage's route).</summary>
    public required string InvestigationPath { get; init; }
    /// <summary>1 when a human answered an approval, an action still waits for one, or the path is manual; else 0.</summary>
    public required int HumanIntervention { get; init; }
    public required string Severity { get; init; }
    public required string Mode { get; init; }
    public string? Playbook { get; init; }
    public required string Stage { get; init; }
    public string? Disposition { get; init; }
    public required int AlertCount { get; init; }
    public required int ActionsPlanned { get; init; }
    public required int ActionsExecuted { get; init; }
    public required int ActionsPending { get; init; }
    public required double ResolutionTimeSeconds { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.IncidentMetrics;
    [JsonIgnore] public string SourceId => $"{InvestigationId}/{Stage}";
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
