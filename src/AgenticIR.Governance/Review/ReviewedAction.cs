namespace AgenticIR.Governance.Review;

/// <summary>One dispatched action with everything it rests on.</summary>
public sealed record ReviewedAction
{
    /// <summary>Investigation id.</summary>
    public required string InvestigationId { get; init; }
    /// <summary>Playbook entry the investigation ran beside; empty when none.</summary>
    public required string Playbook { get; init; }
    /// <summary>Mode it ran under (shadow, assisted, autonomous).</summary>
    public required string Mode { get; init; }
    /// <summary>Action id within the plan.</summary>
    public required string ActionId { get; init; }
    /// <summary>Logical action.</summary>
    public required string Action { get; init; }
    /// <summary>Target as <c>type:value</c>.</summary>
    public required string Target { get; init; }
    /// <summary>Risk class.</summary>
    public required string Risk { get; init; }
    /// <summary>Whether it can be undone.</summary>
    public required bool Reversible { get; init; }
    /// <summary>How it was approved.</summary>
    public required ReviewApproval Approval { get; init; }
    /// <summary>Dispatch status (succeeded, failed, held, rolled_back, running).</summary>
    public required string Outcome { get; init; }
    /// <summary>The platform's message.</summary>
    public required string OutcomeMessage { get; init; }
    /// <summary>When it was sent, if known.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>The planner's justification.</summary>
    public required string Justification { get; init; }
    /// <summary>Triage of the investigation; null when it never triaged.</summary>
    public ReviewTriage? Triage { get; init; }
    /// <summary>The findings the action rests on, with their steps.</summary>
    public required IReadOnlyList<ReviewFinding> Findings { get; init; }
}
