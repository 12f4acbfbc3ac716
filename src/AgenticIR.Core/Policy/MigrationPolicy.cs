namespace AgenticIR.Core.Policy;

/// <summary>Moving a SOC from playbooks to agents (policy <c>migration</c>): how playbooks are audited, and the
/// break-glass playbooks kept for critical capabilities.</summary>
/// <param name="PlaybookAudit">Retire / keep / convert rules.</param>
/// <param name="BreakGlass">Manual fallbacks of critical capabilities.</param>
public sealed record MigrationPolicy(PlaybookAuditRules PlaybookAudit, BreakGlassPolicy BreakGlass)
{
    /// <summary>Default rules, no break-glass capability listed.</summary>
    public static MigrationPolicy Default { get; } = new(PlaybookAuditRules.Default, BreakGlassPolicy.Default);
}
