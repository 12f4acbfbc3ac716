namespace AgenticIR.Governance.Approvals;

/// <summary>The policy's <c>timeout_behavior</c> values.</summary>
public static class TimeoutBehaviors
{
    /// <summary>Notify the next escalation target, raise the required tier and set a new deadline.</summary>
    public const string EscalateToNextTier = "escalate_to_next_tier";

    /// <summary>Keep waiting without a deadline; tell the severity's first escalation target once.</summary>
    public const string HoldAndNotify = "hold_and_notify";

    /// <summary>Approve reversible actions; irreversible ones time out.</summary>
    public const string AutoApproveReversible = "auto_approve_reversible";
}
