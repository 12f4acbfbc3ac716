using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>playbook_audit</c>: one playbook of one SOAR instance as <c>agentic-ir playbooks audit</c> classified it
/// (migration dashboard). One event per playbook and day, so re-running the audit the same day replaces nothing twice.</summary>
public sealed record PlaybookAuditMetrics : IMetricsRecord
{
    public required string Playbook { get; init; }
    public required string Platform { get; init; }
    public required string Instance { get; init; }
    public required bool Active { get; init; }
    public required int Runs { get; init; }
    public required int FailedRuns { get; init; }
    public required double RunsPerMonth { get; init; }
    public double? SuccessRate { get; init; }
    public string? LastRun { get; init; }
    public double? MedianDurationSeconds { get; init; }
    public required IReadOnlyList<string> Actions { get; init; }
    public required IReadOnlyList<string> CoveredActions { get; init; }
    public required IReadOnlyList<string> UncoveredActions { get; init; }
    /// <summary><c>retire</c>, <c>keep</c> or <c>convert</c>.</summary>
    public required string Recommendation { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.PlaybookAudit;
    [JsonIgnore] public string SourceId => $"{Platform}/{Instance}/{Playbook}/{Time:yyyy-MM-dd}";
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
