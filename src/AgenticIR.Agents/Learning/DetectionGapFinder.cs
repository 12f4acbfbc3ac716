using AgenticIR.Agents.Documentation;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Learning;

/// <summary>Finds what detection missed or could not support: phishing alerts without a link, techniques a rule
/// claimed that no finding confirmed, and techniques the investigation found that no rule reported.</summary>
internal static class DetectionGapFinder
{
    public static IReadOnlyList<string> Find(InvestigationRecord investigation)
    {
        var gaps = new List<string>();
        foreach (var alert in investigation.Alerts)
        {
            if (alert.Observables.Count == 0)
                gaps.Add($"Alert {alert.AlertId} ({Rule(alert)}) carries no observables; its mapping may miss the fields that hold them.");
            else if (KindTechniques.IsPhishing(alert) && !alert.Of(ObservableType.Url).Any() && !alert.Of(ObservableType.QrPayload).Any())
                gaps.Add($"Alert {alert.AlertId} ({Rule(alert)}) is a phishing alert without a URL observable; the mapping may miss the message's links.");
        }
        if (investigation.Report is not { } report) return gaps;

        var confirmed = report.Findings.Where(f => f.Verdict >= Verdict.Suspicious)
            .SelectMany(f => f.Techniques.Concat(KindTechniques.ForFinding(f, investigation)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var reported = investigation.Alerts.SelectMany(a => a.SourceTechniques.Select(t => (Technique: t, Alert: a))).ToList();

        foreach (var (technique, alert) in reported.Where(r => !confirmed.Any(c => AttackKnowledge.Related(c, r.Technique))))
            gaps.Add($"Technique {technique} reported by {Rule(alert)} was not confirmed by any finding.");
        foreach (var technique in confirmed.Where(c => !reported.Any(r => AttackKnowledge.Related(c, r.Technique))))
        {
            var known = AttackKnowledge.Lookup(technique);
            gaps.Add($"The investigation found {known.Id} {known.Name} ({known.Tactic}) but no detection rule reported it.");
        }
        return gaps.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Rule(NormalizedAlert alert) => $"rule '{alert.RuleName ?? alert.Title}'";
}
