using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;

namespace AgenticIR.Governance.Approvals;

/// <summary>Who may answer what: the tier an approver belongs to, and the lowest tier an action needs now.</summary>
public static class ApproverTiers
{
    /// <summary>The highest tier listing the approver by user name or by one of the roles the channel verified; null when none does.</summary>
    public static ApproverTier? TierOf(IReadOnlyList<ApproverTier> tiers, ApproverIdentity approver)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(approver);
        return tiers
            .Where(t => t.Users.Contains(approver.Name, StringComparer.OrdinalIgnoreCase)
                || t.Roles.Intersect(approver.Roles, StringComparer.OrdinalIgnoreCase).Any())
            .MaxBy(t => t.Rank);
    }

    /// <summary>The tier listing the user name itself (roles ignored): what an unverifiable channel such as the CLI can check.</summary>
    public static ApproverTier? TierOfUser(IReadOnlyList<ApproverTier> tiers, string userName) =>
        tiers.Where(t => t.Users.Contains(userName, StringComparer.OrdinalIgnoreCase)).MaxBy(t => t.Rank);

    /// <summary>The lowest tier that may answer: the gate's (the first senior tier for <c>require_senior_approval</c>, else the
    /// lowest), raised to the escalation target the request reached. Null when the policy defines no tiers or none fits.</summary>
    public static ApproverTier? Required(GovernancePolicy policy, ApprovalClass gate, Severity severity, int escalationLevel)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var tiers = policy.Approvers;
        var required = gate == ApprovalClass.RequireSeniorApproval ? tiers.FirstOrDefault(t => t.CanApproveSenior) : tiers.Count > 0 ? tiers[0] : null;
        if (escalationLevel > 0 && policy.Escalation.Thresholds.TryGetValue(severity, out var threshold) && threshold.EscalationTargets.Count > 0)
        {
            var target = threshold.EscalationTargets[Math.Min(escalationLevel, threshold.EscalationTargets.Count) - 1];
            if (tiers.FirstOrDefault(t => t.Name == target) is { } escalated && (required is null || escalated.Rank > required.Rank))
                required = escalated;
        }
        return required;
    }

    /// <summary>True when <paramref name="approver"/> may answer an action that needs <paramref name="required"/> under <paramref name="gate"/>.</summary>
    public static bool Suffices(ApproverTier approver, ApproverTier required, ApprovalClass gate) =>
        approver.Rank >= required.Rank && (gate != ApprovalClass.RequireSeniorApproval || approver.CanApproveSenior);
}
