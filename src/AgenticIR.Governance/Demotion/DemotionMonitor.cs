using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Governance.Demotion;

/// <summary>Watches playbooks already graduated to autonomous. A harmful disagreement demotes at once; otherwise, once
/// the live window holds <paramref name="minLiveSamples"/> comparable comparisons, an observed agreement below
/// <see cref="GraduationCriteria.DemotionFloor"/> demotes. It only decides: the caller applies the override, audits and notifies.</summary>
/// <param name="liveWindow">How far back live evidence counts (default 7 days: recent behaviour, not the graduation window).</param>
/// <param name="minLiveSamples">Comparisons needed before a low rate counts (default 20), so one early miss does not demote.</param>
public sealed class DemotionMonitor(TimeSpan? liveWindow = null, int minLiveSamples = 20)
{
    /// <summary>Live evidence window.</summary>
    public TimeSpan LiveWindow { get; } = liveWindow ?? TimeSpan.FromDays(7);

    /// <summary>Decides for every playbook × severity whose current mode is autonomous.</summary>
    public IReadOnlyList<DemotionDecision> Evaluate(IEnumerable<ShadowComparisonFacts> comparisons, IEnumerable<ModeAssignment> assignments,
        GraduationCriteria criteria, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(criteria);
        var from = now - LiveWindow;
        var live = comparisons.Where(c => c.ObservedAt >= from && c.ObservedAt < now)
            .ToLookup(c => (c.Playbook, c.AgentSeverity));
        var decisions = new List<DemotionDecision>();
        foreach (var assignment in assignments)
        {
            foreach (var severity in Enum.GetValues<Severity>())
            {
                if (assignment.For(severity) != PlaybookMode.Autonomous) continue;
                decisions.Add(Decide(assignment.Playbook, severity, [.. live[(assignment.Playbook, severity)]], criteria));
            }
        }
        return decisions;
    }

    private DemotionDecision Decide(string playbook, Severity severity, IReadOnlyList<ShadowComparisonFacts> group, GraduationCriteria criteria)
    {
        var severityAgreement = AgreementStat.Of(group.Select(c => c.SeverityAgreement));
        var dispositionAgreement = AgreementStat.Of(group.Select(c => c.DispositionAgreement));
        var harmful = group.Count(c => c.HarmfulDisagreement);
        var comparable = Math.Min(severityAgreement.Total, dispositionAgreement.Total);
        double? agreement = severityAgreement.Rate is { } s && dispositionAgreement.Rate is { } d ? Math.Min(s, d)
            : severityAgreement.Rate ?? dispositionAgreement.Rate;

        if (harmful > criteria.MaxHarmfulDisagreements)
            return new(playbook, severity, true, group.Count, agreement, harmful,
                Invariant($"{harmful} harmful disagreement(s) in the last {LiveWindow.TotalDays:0.#} days"));
        if (comparable >= minLiveSamples && agreement < criteria.DemotionFloor)
            return new(playbook, severity, true, group.Count, agreement, harmful,
                Invariant($"live agreement {agreement:0.000} < floor {criteria.DemotionFloor:0.000} over {comparable} comparisons"));
        var why = comparable < minLiveSamples
            ? Invariant($"{comparable} comparable comparisons < {minLiveSamples} needed to judge")
            : Invariant($"live agreement {agreement:0.000} ≥ floor {criteria.DemotionFloor:0.000}");
        return new(playbook, severity, false, group.Count, agreement, harmful, why);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
