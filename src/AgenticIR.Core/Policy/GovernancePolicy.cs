namespace AgenticIR.Core.Policy;

/// <summary>The governance policy (config/governance.yaml), after validation.</summary>
public sealed record GovernancePolicy
{
    /// <summary>Per-severity routing and autonomy limits.</summary>
    public required EscalationPolicy Escalation { get; init; }
    /// <summary>Approval gate per logical action.</summary>
    public required ApprovalGates ApprovalGates { get; init; }
    /// <summary>Approval timeouts.</summary>
    public required ApprovalTimeouts ApprovalTimeouts { get; init; }
    /// <summary>What happens on timeout, per severity (<c>escalate_to_next_tier</c>, <c>hold_and_notify</c>, <c>auto_approve_reversible</c>).</summary>
    public required IReadOnlyDictionary<Alerts.Severity, string> TimeoutBehavior { get; init; }
    /// <summary>Global and per-investigation limits.</summary>
    public required CircuitBreakers CircuitBreakers { get; init; }
    /// <summary>Kill switch.</summary>
    public required KillSwitchPolicy KillSwitch { get; init; }
    /// <summary>Audit trail settings.</summary>
    public required AuditTrailPolicy AuditTrail { get; init; }
    /// <summary>NIST 800-61 phase → agent, NIST 800-53 control → description.</summary>
    public required ComplianceMappings Compliance { get; init; }
    /// <summary>Triage weights and thresholds.</summary>
    public required TriagePolicy Triage { get; init; }
    /// <summary>Investigation settings.</summary>
    public required InvestigationPolicy Investigation { get; init; }
    /// <summary>Targets no autonomous action may touch.</summary>
    public ProtectedTargets ProtectedTargets { get; init; } = ProtectedTargets.None;
    /// <summary>Our own domains and networks, partners and consumer mail providers.</summary>
    public Organization Organization { get; init; } = Organization.None;
    /// <summary>Approver tiers, lowest first; empty means any SOAR user may approve standard actions and nobody senior ones.</summary>
    public IReadOnlyList<ApproverTier> Approvers { get; init; } = [];
    /// <summary>Business hours for the after-hours timeout; null means always business hours.</summary>
    public BusinessHours? BusinessHours { get; init; }
    /// <summary>Graduation and demotion criteria.</summary>
    public GraduationCriteria Graduation { get; init; } = GraduationCriteria.Default;
    /// <summary>Budgets and severity bounds of a language-model reasoner.</summary>
    public ModelPolicy Model { get; init; } = ModelPolicy.Default;

    /// <summary>Playbook audit rules and break-glass fallbacks.</summary>
    public MigrationPolicy Migration { get; init; } = MigrationPolicy.Default;

    /// <summary>When an agent's breaker trips and how it recovers.</summary>
    public AgentHealthPolicy AgentHealth { get; init; } = AgentHealthPolicy.Default;

    /// <summary>Where escalations, timeouts, kill switches, breakers and demotions are delivered.</summary>
    public NotificationPolicy Notifications { get; init; } = NotificationPolicy.Default;
    /// <summary>SHA-256 of the policy file, for audit.</summary>
    public string Hash { get; init; } = "";
}
