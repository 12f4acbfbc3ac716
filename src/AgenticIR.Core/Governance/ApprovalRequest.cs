using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;

namespace AgenticIR.Core.Governance;

/// <summary>One pending action waiting for an answer, as the timeout machinery tracks it.</summary>
public sealed record ApprovalRequest
{
    /// <summary>Investigation holding the plan.</summary>
    public required string InvestigationId { get; init; }

    /// <summary>Action id within the plan, e.g. <c>A2</c>.</summary>
    public required string ActionId { get; init; }

    /// <summary>Logical action, e.g. <c>block_ip</c>.</summary>
    public required string LogicalAction { get; init; }

    /// <summary>The action's target.</summary>
    public required Observable Target { get; init; }

    /// <summary>Triaged severity, which picks the timeout behaviour and escalation targets.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The action's gate.</summary>
    public required ApprovalClass Gate { get; init; }

    /// <summary>The action's risk class.</summary>
    public required ActionRisk Risk { get; init; }

    /// <summary>Whether the action can be undone.</summary>
    public required bool Reversible { get; init; }

    /// <summary>When the request was first made.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When it times out; null once held.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>How many times it escalated (0: not yet); level <c>n</c> is the n-th entry of the severity's escalation targets.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>Lowest approver tier that may answer now; empty when the policy defines no tiers.</summary>
    public string RequiredTier { get; init; } = "";

    /// <summary>State.</summary>
    public ApprovalRequestState State { get; init; } = ApprovalRequestState.Open;

    /// <summary>Optimistic-concurrency version; the store increments it on every update.</summary>
    public long Version { get; init; }
}
