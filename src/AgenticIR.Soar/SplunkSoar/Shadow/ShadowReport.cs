using AgenticIR.Core.Alerts;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>Summarizes shadow comparisons by playbook and by the agents' triaged severity (the axis modes graduate
/// on), most severe first, with one <c>*</c> total per playbook and one overall.</summary>
public static class ShadowReport
{
    /// <summary>The playbook or severity of a total row.</summary>
    public const string All = "*";

    /// <summary>The report rows: per playbook its severities (most severe first) then its total, then the overall total.</summary>
    public static IReadOnlyList<ShadowReportRow> Summarize(IReadOnlyList<ShadowComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var rows = new List<ShadowReportRow>();
        foreach (var playbook in comparisons.GroupBy(c => c.Playbook.Length == 0 ? "(none)" : c.Playbook).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var severity in playbook.GroupBy(c => c.AgentSeverity).OrderByDescending(g => Rank(g.Key)))
                rows.Add(Row(playbook.Key, severity.Key, [.. severity]));
            rows.Add(Row(playbook.Key, All, [.. playbook]));
        }
        if (comparisons.Count > 0) rows.Add(Row(All, All, comparisons));
        return rows;
    }

    private static ShadowReportRow Row(string playbook, string severity, IReadOnlyList<ShadowComparison> group) => new(
        playbook, severity, group.Count, group.Count(c => c.Final),
        Percent(group.Select(c => c.SeverityAgreement)),
        Percent(group.Select(c => c.DispositionAgreement)),
        group.Average(c => c.ActionOverlap),
        group.Sum(c => c.ExtraFindings.Count),
        Median(group.Select(c => c.AgentDecisionSeconds)),
        Median(group.Select(c => c.PlaybookDecisionSeconds)));

    private static double? Percent(IEnumerable<bool?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : 100.0 * known.Count(v => v) / known.Count;
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int Rank(string severity) => SeverityNames.TryParse(severity, out var s) ? (int)s : -1;
}
