using System.Globalization;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Splunk.Graduation;

/// <summary>Judges shadow evidence per playbook × (agents') severity against the policy's graduation criteria. Pure:
/// promotion is only ever a recommendation for a human to accept.</summary>
public static class GraduationEvaluator
{
    /// <summary>Evaluates the comparisons observed in the <see cref="GraduationCriteria.WindowDays"/> before <paramref name="now"/>.</summary>
    public static GraduationReport Evaluate(IEnumerable<ShadowComparisonFacts> comparisons, GraduationCriteria criteria, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(criteria);
        var from = now - TimeSpan.FromDays(criteria.WindowDays);
        var rows = comparisons
            .Where(c => c.ObservedAt >= from && c.ObservedAt < now)
            .GroupBy(c => (c.Playbook, c.AgentSeverity))
            .OrderBy(g => g.Key.Playbook, StringComparer.Ordinal).ThenBy(g => g.Key.AgentSeverity)
            .Select(g => Row(g.Key.Playbook, g.Key.AgentSeverity, [.. g], criteria))
            .ToList();
        return new GraduationReport(from, now, criteria, rows);
    }

    /// <summary>The evidence and recommendation for one group.</summary>
    public static GraduationRow Row(string playbook, Core.Alerts.Severity severity, IReadOnlyList<ShadowComparisonFacts> group, GraduationCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(criteria);
        var severityAgreement = AgreementStat.Of(group.Select(c => c.SeverityAgreement));
        var dispositionAgreement = AgreementStat.Of(group.Select(c => c.DispositionAgreement));
        var harmful = group.Count(c => c.HarmfulDisagreement);
        var (recommendation, reason) = Decide(severityAgreement, dispositionAgreement, harmful, criteria);
        return new GraduationRow
        {
            Playbook = playbook,
            Severity = severity,
            Samples = group.Count,
            SeverityAgreement = severityAgreement,
            DispositionAgreement = dispositionAgreement,
            MissedFindings = group.Sum(c => c.MissedFindings),
            ExtraFindings = group.Sum(c => c.ExtraFindings),
            HarmfulDisagreements = harmful,
            MeanActionOverlap = group.Count == 0 ? 0 : group.Average(c => c.ActionOverlap),
            Recommendation = recommendation,
            Reason = reason,
        };
    }

    /// <summary>Wire text of a recommendation.</summary>
    public static string Text(GraduationRecommendation recommendation) => recommendation switch
    {
        GraduationRecommendation.PromoteToAutonomous => "promote to autonomous",
        GraduationRecommendation.Stay => "stay",
        _ => "insufficient evidence",
    };

    // Same order as the dashboard's readiness search: harm first (no sample size excuses it), then sample size, then bounds.
    private static (GraduationRecommendation, string) Decide(AgreementStat severity, AgreementStat disposition, int harmful, GraduationCriteria criteria)
    {
        if (harmful > criteria.MaxHarmfulDisagreements)
            return (GraduationRecommendation.Stay, Invariant($"{harmful} harmful disagreement(s) > {criteria.MaxHarmfulDisagreements} allowed"));
        var n = Math.Min(severity.Total, disposition.Total);
        if (n < criteria.MinSamples)
            return (GraduationRecommendation.InsufficientEvidence, Invariant($"n = {n} < {criteria.MinSamples} comparable comparisons"));
        var lower = Math.Min(severity.Lower, disposition.Lower);
        if (lower < criteria.MinAgreementLowerBound)
            return (GraduationRecommendation.Stay, Invariant($"agreement lower bound {lower:0.000} < {criteria.MinAgreementLowerBound:0.000}"));
        return (GraduationRecommendation.PromoteToAutonomous,
            Invariant($"lower bounds {severity.Lower:0.000}/{disposition.Lower:0.000} ≥ {criteria.MinAgreementLowerBound:0.000}, n = {n}, no harm"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
