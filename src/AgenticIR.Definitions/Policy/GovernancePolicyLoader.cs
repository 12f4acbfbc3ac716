using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Loads and validates the governance policy (<c>config/governance.yaml</c>).</summary>
public static class GovernancePolicyLoader
{
    private static readonly string[] Sections =
    [
        "escalation_policy", "approval_gates", "approval_timeouts", "timeout_behavior", "circuit_breakers",
        "kill_switch", "audit_trail", "compliance_mappings", "triage", "investigation",
        "protected_targets", "organization", "approvers", "business_hours", "graduation", "llm", "migration", "agent_health",
        "notifications",
    ];

    /// <summary>Loads the policy.</summary>
    /// <exception cref="DefinitionValidationException">The file is missing, not YAML, or breaks a rule; lists every error.</exception>
    public static GovernancePolicy Load(string path)
    {
        var (policy, errors) = TryLoad(path);
        return policy ?? throw new DefinitionValidationException(errors);
    }

    /// <summary>Loads the policy; on failure the policy is null and <c>Errors</c> lists every problem found.</summary>
    public static (GovernancePolicy? Policy, IReadOnlyList<DefinitionError> Errors) TryLoad(string path)
    {
        var result = Read(path);
        return (result.Policy, result.Errors);
    }

    internal static PolicyReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var r = new NodeReader(path);
        var references = new List<GateReference>();
        if (YamlDocumentReader.Read(path, r) is not { } file || r.Root(file.Root) is not { } root)
        {
            return new PolicyReadResult(null, r.Errors, references);
        }

        r.AllowOnly(root, Sections);
        var escalation = EscalationSectionReader.Read(r, root);
        var gates = ApprovalGatesSectionReader.Read(r, root, references);
        var timeouts = TimeoutsSectionReader.ReadTimeouts(r, root);
        var behavior = TimeoutsSectionReader.ReadBehavior(r, root);
        var breakers = CircuitBreakersSectionReader.Read(r, root);
        var killSwitch = KillSwitchSectionReader.Read(r, root);
        var audit = AuditTrailSectionReader.Read(r, root);
        var compliance = ComplianceSectionReader.Read(r, root);
        var triage = TriageSectionReader.ReadTriage(r, root);
        var investigation = TriageSectionReader.ReadInvestigation(r, root);
        var protectedTargets = ProtectedTargetsSectionReader.Read(r, root);
        var organization = OrganizationSectionReader.Read(r, root);
        var approvers = ApproversSectionReader.Read(r, root);
        var businessHours = BusinessHoursSectionReader.Read(r, root);
        var graduation = GraduationSectionReader.Read(r, root);
        var model = ModelSectionReader.Read(r, root);
        var migration = MigrationSectionReader.Read(r, root);
        var agentHealth = AgentHealthSectionReader.Read(r, root);
        var notifications = NotificationsSectionReader.Read(r, root, out var mailAction);
        if (approvers is not null && gates is not null) ApproversSectionReader.CheckReferences(r, root, approvers, gates);

        if (r.HasErrors || escalation is null || gates is null || timeouts is null || behavior is null || breakers is null
            || killSwitch is null || audit is null || compliance is null || triage is null || approvers is null)
        {
            return new PolicyReadResult(null, r.Errors, references);
        }

        var policy = new GovernancePolicy
        {
            Escalation = escalation,
            ApprovalGates = gates,
            ApprovalTimeouts = timeouts,
            TimeoutBehavior = behavior,
            CircuitBreakers = breakers,
            KillSwitch = killSwitch,
            AuditTrail = audit,
            Compliance = compliance,
            Triage = triage,
            Investigation = investigation,
            ProtectedTargets = protectedTargets,
            Organization = organization,
            Approvers = approvers,
            BusinessHours = businessHours,
            Graduation = graduation,
            Model = model,
            Migration = migration,
            AgentHealth = agentHealth,
            Notifications = notifications,
            Hash = file.Sha256,
        };
        return new PolicyReadResult(policy, r.Errors, references) { MailAction = mailAction };
    }
}
