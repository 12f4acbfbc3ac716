using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>investigation_metrics</c>: one per investigation once the investigation loop finished (MTTI panel).</summary>
public sealed record InvestigationMetrics : IMetricsRecord
{
    public required string InvestigationId { get; init; }
    public required string AlertId { get; init; }
    /// <summary>Triaged severity (<c>low</c> … <c>critical</c>).</summary>
    public required string Severity { get; init; }
    /// <summary>Epoch seconds (millisecond fraction) when the alert was received.</summary>
    public required double InvestigationStart { get; init; }
    /// <summary>Epoch seconds when the investigation loop finished.</summary>
    public required double InvestigationEnd { get; init; }
    public required double InvestigationDurationSeconds { get; init; }
    public required string InvestigationPath { get; init; }
    public required string Mode { get; init; }
    public string? Playbook { get; init; }
    public required int Steps { get; init; }
    public required int Findings { get; init; }
    /// <summary>Distinct tools consulted (the article's "investigation depth").</summary>
    public required int DataSources { get; init; }
    public required int ApiCalls { get; init; }
    public required double Confidence { get; init; }
    public required string StopReason { get; init; }
    public string? TopVerdict { get; init; }
    public string? Category { get; init; }
    public required string SourceFormat { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.InvestigationMetrics;
    [JsonIgnore] public string SourceId => InvestigationId;
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
