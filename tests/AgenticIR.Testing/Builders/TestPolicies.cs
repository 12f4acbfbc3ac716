using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;

namespace AgenticIR.Testing.Builders;

/// <summary>The article's governance policy (agentic_ir_governance.yaml v2.1) built in code, plus the triage calibration,
/// and the variations tests make of it.</summary>
public static class TestPolicies
{
    public static GovernancePolicy Default() => new()
    {
        Escalation = new EscalationPolicy(new Dictionary<Severity, SeverityThreshold>
        {
            [Severity.Critical] = Threshold(InvestigationPath.Assisted, 0, 5, "ir_lead", "soc_manager", "ciso"),
            [Severity.High] = Threshold(InvestigationPath.Assisted, 3, 15, "ir_lead", "soc_manager"),
            [Severity.Medium] = Threshold(InvestigationPath.Autonomous, 10, 60, "soc_analyst"),
            [Severity.Low] = Threshold(InvestigationPath.Autonomous, 20, 240, "soc_analyst"),
            // The article stops at low; informational follows low so every severity has a route.
            [Severity.Informational] = Threshold(InvestigationPath.Autonomous, 20, 240, "soc_analyst"),
        }),
        ApprovalGates = new ApprovalGates
        {
            Classes = Gates(ApprovalClass.AutoApprove, "create_ticket", "send_notification", "enrich_ioc", "add_watchlist", "tag_asset")
                .Concat(Gates(ApprovalClass.RequireApproval, "block_ip", "block_domain", "disable_user_account", "quarantine_email", "isolate_endpoint", "revoke_sessions"))
                .Concat(Gates(ApprovalClass.RequireSeniorApproval, "wipe_endpoint", "terminate_cloud_instance", "disable_service_account", "modify_firewall_rule", "revoke_api_keys"))
                .ToDictionary(p => p.Key, p => p.Value),
        },
        ApprovalTimeouts = new ApprovalTimeouts(300, 60, 600),
        TimeoutBehavior = new Dictionary<Severity, string>
        {
            [Severity.Critical] = "escalate_to_next_tier",
            [Severity.High] = "escalate_to_next_tier",
            [Severity.Medium] = "hold_and_notify",
            [Severity.Low] = "auto_approve_reversible",
        },
        CircuitBreakers = new CircuitBreakers(new GlobalLimits(100, 10, 5, 10), new InvestigationBudget(20, 60, 200, 15)),
        KillSwitch = new KillSwitchPolicy(true,
            [new("consecutive_failures", ">", 5), new("false_positive_rate", ">", 0.3), new("response_actions_per_minute", ">", 10)],
            "pause_all_autonomous_actions", ["soc_manager", "ir_lead", "ciso"]),
        AuditTrail = new AuditTrailPolicy(2555,
            ["timestamp", "agent_name", "action_type", "target", "justification", "approval_status", "approver_identity", "outcome", "evidence_hash"],
            "sha256_chain", ["json", "csv", "syslog_cef"]),
        Compliance = new ComplianceMappings(
            new Dictionary<string, string>
            {
                ["detection"] = "triage_agent", ["analysis"] = "investigation_agent", ["containment"] = "response_orchestrator",
                ["eradication"] = "response_orchestrator", ["recovery"] = "response_orchestrator", ["post_incident"] = "learning_agent",
            },
            new Dictionary<string, string>
            {
                ["IR-4"] = "Incident Handling - agentic pipeline", ["IR-5"] = "Incident Monitoring - continuous agent health",
                ["IR-6"] = "Incident Reporting - documentation agent", ["AU-6"] = "Audit Review - audit trail + learning agent",
                ["SI-4"] = "System Monitoring - triage agent integration",
            }),
        Triage = new TriagePolicy
        {
            Weights = new Dictionary<string, double>
            {
                ["asset_criticality"] = 0.30, ["threat_intel_match"] = 0.25, ["behavioral_anomaly"] = 0.20,
                ["alert_fidelity"] = 0.15, ["temporal_proximity"] = 0.10,
            },
            SeverityScores = new Dictionary<Severity, double>
            {
                [Severity.Critical] = 0.75, [Severity.High] = 0.55, [Severity.Medium] = 0.35, [Severity.Low] = 0.15,
            },
        },
        Investigation = new InvestigationPolicy { ConfidenceThreshold = 0.85 },
    };

    /// <summary>The default policy with other per-investigation budgets.</summary>
    public static GovernancePolicy WithBudget(int maxSteps = 20, int maxDurationMinutes = 60, int maxApiCalls = 200)
    {
        var p = Default();
        return p with { CircuitBreakers = p.CircuitBreakers with { PerInvestigation = new InvestigationBudget(maxSteps, maxDurationMinutes, maxApiCalls, 15) } };
    }

    /// <summary>The default policy with one triage weight changed.</summary>
    public static GovernancePolicy WithWeight(string signal, double weight)
    {
        var p = Default();
        var weights = p.Triage.Weights.ToDictionary(w => w.Key, w => w.Value);
        weights[signal] = weight;
        return p with { Triage = p.Triage with { Weights = weights } };
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

    /// <summary>A provider that always gives this policy.</summary>
    public static IPolicyProvider Provider(this GovernancePolicy policy) => new Fixed(policy);

    private static SeverityThreshold Threshold(InvestigationPath path, int maxActions, int timeout, params string[] targets) => new()
    {
        Path = path, MaxAutonomousActions = maxActions, EscalationTimeoutMinutes = timeout, EscalationTargets = targets,
    };

    private static IEnumerable<KeyValuePair<string, ApprovalClass>> Gates(ApprovalClass gate, params string[] actions) =>
        actions.Select(a => KeyValuePair.Create(a, gate));

    private sealed class Fixed(GovernancePolicy policy) : IPolicyProvider
    {
        public GovernancePolicy Current { get; } = policy;
    }
}
