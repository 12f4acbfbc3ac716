using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.Review;

/// <summary>The morning review: what the agents did since a time and why, and every governance event around it.</summary>
public sealed record GovernanceReview
{
    /// <summary>Start of the window.</summary>
    public required DateTimeOffset Since { get; init; }
    /// <summary>When the review was built.</summary>
    public required DateTimeOffset Until { get; init; }
    /// <summary>Dispatched (or held) actions of investigations updated in the window, oldest dispatch first.</summary>
    public required IReadOnlyList<ReviewedAction> Actions { get; init; }
    /// <summary>Human answers in the window and their latency.</summary>
    public required ApprovalLatency Approvals { get; init; }
    /// <summary>Answers refused (insufficient tier, unknown action…).</summary>
    public required IReadOnlyList<ReviewEvent> RefusedAnswers { get; init; }
    /// <summary>Circuit-breaker trips and dispatch holds.</summary>
    public required IReadOnlyList<ReviewEvent> BreakerEvents { get; init; }
    /// <summary>Kill switches engaged or released in the window, or still engaged.</summary>
    public required IReadOnlyList<KillSwitch> KillSwitches { get; init; }
    /// <summary>Policy versions put in force and policy edits refused in the window.</summary>
    public required IReadOnlyList<ReviewEvent> PolicyEvents { get; init; }
    /// <summary>Policy versions loaded in the window.</summary>
    public IReadOnlyList<PolicyVersion> PolicyVersions { get; init; } = [];
    /// <summary>True when more investigations changed than the review reads; narrow the window.</summary>
    public bool Truncated { get; init; }
    /// <summary>Manual fallbacks of the policy's critical capabilities, from the latest break-glass checks.</summary>
    public IReadOnlyList<BreakGlassStatus> BreakGlass { get; init; } = [];
}
