using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Tests.Support2;

/// <summary>Policy variations for the response, documentation and learning tests.</summary>
internal static class TestPolicies
{
    /// <summary>The one in-code copy of the article's policy (Support.TestPolicies).</summary>
    public static GovernancePolicy Article() => Support.TestPolicies.Default();

    public static Dictionary<string, ApprovalClass> ArticleGates()
    {
        var gates = new Dictionary<string, ApprovalClass>();
        foreach (var a in new[] { "create_ticket", "send_notification", "enrich_ioc", "add_watchlist", "tag_asset" }) gates[a] = ApprovalClass.AutoApprove;
        foreach (var a in new[] { "block_ip", "block_domain", "disable_user_account", "quarantine_email", "isolate_endpoint", "revoke_sessions" }) gates[a] = ApprovalClass.RequireApproval;
        foreach (var a in new[] { "wipe_endpoint", "terminate_cloud_instance", "disable_service_account", "modify_firewall_rule", "revoke_api_keys" }) gates[a] = ApprovalClass.RequireSeniorApproval;
        return gates;
    }

    public static GovernancePolicy WithGate(this GovernancePolicy policy, string action, ApprovalClass gate)
    {
        var gates = new Dictionary<string, ApprovalClass>(policy.ApprovalGates.Classes) { [action] = gate };
        return policy with { ApprovalGates = policy.ApprovalGates with { Classes = gates } };
    }

    public static GovernancePolicy WithMaxResponseActions(this GovernancePolicy policy, int max) =>
        policy with { CircuitBreakers = policy.CircuitBreakers with { PerInvestigation = policy.CircuitBreakers.PerInvestigation with { MaxResponseActions = max } } };

    public static GovernancePolicy WithMaxAutonomous(this GovernancePolicy policy, Severity severity, int max)
    {
        var thresholds = new Dictionary<Severity, SeverityThreshold>(policy.Escalation.Thresholds);
        thresholds[severity] = thresholds[severity] with { MaxAutonomousActions = max };
        return policy with { Escalation = new EscalationPolicy(thresholds) };
    }

    public static IPolicyProvider Provider(this GovernancePolicy policy) => new StaticPolicyProvider(policy);

    private static SeverityThreshold Threshold(InvestigationPath path, int max, int minutes, params string[] targets) =>
        new() { Path = path, MaxAutonomousActions = max, EscalationTimeoutMinutes = minutes, EscalationTargets = targets };
}
