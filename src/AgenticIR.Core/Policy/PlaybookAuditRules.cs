namespace AgenticIR.Core.Policy;

/// <summary>How <c>agentic-ir playbooks audit</c> classifies a SOAR playbook from its own run records (policy
/// <c>migration.playbook_audit</c>). Retire wins over the other rules.</summary>
/// <param name="WindowDays">Runs counted by start time in the last this many days, default 90.</param>
/// <param name="RetireBelowRunsPerMonth">Retire below this many runs a month (runs ÷ (window days ÷ 30)), default 5.</param>
/// <param name="RetireBelowSuccessRate">Retire below this success rate (success ÷ (success + failed) over finished runs), default 0.5.</param>
/// <param name="KeepMaxActions">Keep as automation when every run performs the same actions, at most this many and no enrichment, default 2.</param>
/// <param name="ConvertMinEnrichmentApps">Convert to an agent capability when runs enrich from at least this many apps, default 2.</param>
public sealed record PlaybookAuditRules(int WindowDays, double RetireBelowRunsPerMonth, double RetireBelowSuccessRate, int KeepMaxActions, int ConvertMinEnrichmentApps)
{
    /// <summary>The article's rules: 90 days, retire below 5 runs a month or 50% success, keep up to 2 fixed actions, convert from 2 enrichment apps.</summary>
    public static PlaybookAuditRules Default { get; } = new(90, 5, 0.5, 2, 2);
}
