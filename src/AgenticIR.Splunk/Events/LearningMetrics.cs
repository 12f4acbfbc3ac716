using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>learning_metrics</c>: one per investigation whose real severity is known (triage accuracy panel).</summary>
public sealed record LearningMetrics : IMetricsRecord
{
    public required string InvestigationId { get; init; }
    public required string TriageSeverity { get; init; }
    public required string ActualSeverity { get; init; }
    /// <summary>The learning agent's triage accuracy in [0, 1].</summary>
    public double? TriageAccuracyScore { get; init; }
    public required double InvestigationEfficiency { get; init; }
    public double? ResponseEffectiveness { get; init; }
    public string? Disposition { get; init; }
    public required string OutcomeSource { get; init; }
    public required int DetectionGaps { get; init; }
    public required int Proposals { get; init; }
    public required string Mode { get; init; }
    public string? Playbook { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.LearningMetrics;
    // The outcome is part of the id: a corrected outcome is a new fact, a redelivered one is not.
    [JsonIgnore] public string SourceId => $"{InvestigationId}/{ActualSeverity}/{Disposition}";
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
