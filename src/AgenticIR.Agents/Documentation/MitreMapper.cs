using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>Maps an investigation to ATT&amp;CK: techniques the alert source reports, techniques findings support,
/// and what finding kinds and the alert category imply. A source technique that a finding also supports earns a
/// higher confidence than one the source merely claims.</summary>
internal static class MitreMapper
{
    private const double SourceOnly = 0.5;
    private const double CategoryOnly = 0.35;
    private const double KindDiscount = 0.8;
    private const double CorroborationBonus = 0.15;
    private const double MaxConfidence = 0.99;

    private enum Origin { Source, Category, Finding }

    private sealed record Contribution(string Technique, double Confidence, string Evidence, DateTimeOffset At, Origin From);

    public static IReadOnlyList<MitreMapping> Map(InvestigationRecord investigation)
    {
        var contributions = new List<Contribution>();
        foreach (var alert in investigation.Alerts)
        {
            var origin = alert.RuleName ?? alert.Product ?? alert.SourceFormat;
            contributions.AddRange(alert.SourceTechniques.Select(t =>
                new Contribution(t, SourceOnly, $"reported by the alert source ({origin})", alert.Timestamp, Origin.Source)));
            contributions.AddRange(KindTechniques.ForCategory(alert).Select(t =>
                new Contribution(t, CategoryOnly, $"alert category '{alert.Category}'", alert.Timestamp, Origin.Category)));
        }

        var opened = investigation.PrimaryAlert.Timestamp;
        foreach (var finding in (investigation.Report?.Findings ?? []).Where(f => f.Verdict >= Verdict.Suspicious))
        {
            var at = finding.ObservedAt ?? opened;
            var cite = $"{finding.Id}: {finding.Title}";
            contributions.AddRange(finding.Techniques.Select(t => new Contribution(t, finding.Confidence, cite, at, Origin.Finding)));
            contributions.AddRange(KindTechniques.ForFinding(finding, investigation).Select(t =>
                new Contribution(t, finding.Confidence * KindDiscount, $"{cite} (kind {finding.Kind})", at, Origin.Finding)));
        }

        contributions = FoldParentsIntoSubTechniques(contributions);
        var mappings = new List<MitreMapping>();
        foreach (var group in contributions.GroupBy(c => Key(c.Technique)))
        {
            var technique = AttackKnowledge.Lookup(group.Key);
            var confidence = group.Max(c => c.Confidence);
            var supportedByFinding = contributions.Any(c => c.From == Origin.Finding && AttackKnowledge.Related(c.Technique, group.Key));
            if (group.Any(c => c.From == Origin.Source) && supportedByFinding)
                confidence = Math.Max(confidence, SourceOnly) + CorroborationBonus;
            mappings.Add(new MitreMapping
            {
                TechniqueId = technique.Id,
                Name = technique.Name,
                Tactic = technique.Tactic,
                Confidence = Math.Round(Math.Min(MaxConfidence, confidence), 2),
                Evidence = string.Join("; ", group.Select(c => c.Evidence).Distinct(StringComparer.Ordinal)),
                FirstSeen = group.Min(c => c.At),
            });
        }

        return mappings.OrderBy(m => AttackKnowledge.TacticRank(m.Tactic))
            .ThenByDescending(m => m.Confidence).ThenBy(m => m.TechniqueId, StringComparer.Ordinal).ToList();
    }

    // One technique named bare by one source (T1566) and as a sub-technique by another (T1566.002) is reported once: the
    // bare mention's evidence joins each sub-technique rather than listing the technique twice.
    private static List<Contribution> FoldParentsIntoSubTechniques(List<Contribution> contributions)
    {
        var ids = contributions.Select(c => Key(c.Technique)).ToHashSet(StringComparer.Ordinal);
        var folded = new List<Contribution>(contributions.Count);
        foreach (var contribution in contributions)
        {
            var id = Key(contribution.Technique);
            var subs = id.Contains('.', StringComparison.Ordinal) ? [] : ids.Where(s => s.StartsWith(id + ".", StringComparison.Ordinal)).ToList();
            if (subs.Count == 0) folded.Add(contribution);
            else folded.AddRange(subs.Select(s => contribution with { Technique = s }));
        }
        return folded;
    }

    private static string Key(string technique) => technique.Trim().ToUpperInvariant();
}
