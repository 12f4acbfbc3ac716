using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Response;

/// <summary>One planned action on one target.</summary>
public sealed record ResponseAction
{
    /// <summary>Id within the plan, e.g. <c>A1</c>.</summary>
    public required string ActionId { get; init; }

    /// <summary>Logical action from <c>connectors/</c>, e.g. <c>block_ip</c>.</summary>
    public required string LogicalAction { get; init; }

    /// <summary>The target: always one of the investigation's own observables.</summary>
    public required Observable Target { get; init; }

    /// <summary>Response phase.</summary>
    public required ActionKind Kind { get; init; }

    /// <summary>Risk class from the policy.</summary>
    public required ActionRisk Risk { get; init; }

    /// <summary>Approval gate from the policy.</summary>
    public required ApprovalClass ApprovalClass { get; init; }

    /// <summary>Current approval status.</summary>
    public required ApprovalStatus ApprovalStatus { get; init; }

    /// <summary>Why the action is proposed, citing findings.</summary>
    public required string Justification { get; init; }

    /// <summary>Whether the action can be undone.</summary>
    public required bool Reversible { get; init; }

    /// <summary>Logical action that undoes it, if any.</summary>
    public string? RollbackAction { get; init; }

    /// <summary>Order in the plan (1 runs first).</summary>
    public required int Priority { get; init; }

    /// <summary>Expected duration from the catalog.</summary>
    public required TimeSpan ExpectedDuration { get; init; }

    /// <summary>Finding ids the action rests on.</summary>
    public IReadOnlyList<string> FindingIds { get; init; } = [];

    /// <summary>The answer that settled a pending approval, if any.</summary>
    public ApprovalAnswer? Answer { get; init; }

    /// <summary>When the approval request expires (set when the action is pending).</summary>
    public DateTimeOffset? ApprovalDeadline { get; init; }

    /// <summary>Dispatch outcome once the action was sent (or held).</summary>
    public ActionExecution? Execution { get; init; }

    /// <summary>True when the action may be dispatched: approved by policy or by a human, and not yet sent (or held by a
    /// kill switch, which is retried once released).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsReadyToDispatch => ApprovalStatus is (ApprovalStatus.AutoApproved or ApprovalStatus.Approved)
        && (Execution is null || Execution.Status == DispatchStatus.Held);
}
