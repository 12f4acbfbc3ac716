using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>response_metrics</c>: one per planned action and status (response effectiveness and governance panels).</summary>
public sealed record ResponseMetrics : IMetricsRecord
{
    public required string InvestigationId { get; init; }
    public required string ActionId { get; init; }
    /// <summary>Logical action, e.g. <c>block_ip</c>.</summary>
    public required string ActionType { get; init; }
    public required string ActionKind { get; init; }
    /// <summary><c>executed</c>, <c>failed</c>, <c>running</c>, <c>held</c>, <c>rolled_back</c>, <c>pending_approval</c>,
    /// <c>auto_approved</c>, <c>approved</c>, <c>denied</c> or <c>timed_out</c>.</summary>
    public required string ActionStatus { get; init; }
    public required string ApprovalStatus { get; init; }
    public required string ApprovalClass { get; init; }
    public required string Risk { get; init; }
    public required string Target { get; init; }
    public required string TargetType { get; init; }
    /// <summary>From the response decision (approval, else plan) to the end of the execution; absent until executed.</summary>
    public double? ContainmentTimeSeconds { get; init; }
    public required double EstimatedContainmentTimeSeconds { get; init; }
    public required bool Dispatched { get; init; }
    public string? Platform { get; init; }
    public string? Approver { get; init; }
    public required string Severity { get; init; }
    public required string InvestigationPath { get; init; }
    public required string Mode { get; init; }
    public string? Playbook { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.ResponseMetrics;
    [JsonIgnore] public string SourceId => $"{InvestigationId}/{ActionId}/{ActionStatus}";
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
