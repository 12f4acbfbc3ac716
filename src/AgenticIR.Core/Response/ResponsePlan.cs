namespace AgenticIR.Core.Response;

/// <summary>The ordered, risk-classed plan for an investigation.</summary>
public sealed record ResponsePlan
{
    /// <summary>Actions in priority order.</summary>
    public required IReadOnlyList<ResponseAction> Actions { get; init; }

    /// <summary>Sum of the expected durations of containment actions.</summary>
    public required TimeSpan EstimatedContainmentTime { get; init; }

    /// <summary>Any action waiting for a human.</summary>
    public bool RequiresHumanApproval => Actions.Any(a => a.ApprovalStatus == ApprovalStatus.Pending);

    /// <summary>Notes on actions considered and not planned, and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
