namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Audit action types of the policy lifecycle.</summary>
public static class PolicyAuditTypes
{
    /// <summary>A new policy version was put in force.</summary>
    public const string PolicyChange = "policy_change";

    /// <summary>An edit of the policy file was refused; the last good version stays in force.</summary>
    public const string PolicyRejected = "policy_rejected";

    /// <summary>A review-queue proposal was rejected (accepted ones appear as <see cref="PolicyChange"/>).</summary>
    public const string ProposalDecision = "proposal_decision";
}
