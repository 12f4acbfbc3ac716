using System.Globalization;
using System.Text;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>The plain-text sections of the report: timeline, technical analysis, assets and recommendations. Each
/// fills in what the investigation has reached so far.</summary>
internal static class ReportSections
{
    /// <summary>Stage entries, alert timestamps and reconstructed evidence, in time order, without duplicates.</summary>
    public static IReadOnlyList<TimelineEntry> Timeline(InvestigationRecord investigation)
    {
        var alerts = investigation.Alerts.Select(a => new TimelineEntry(a.Timestamp, "alert",
            $"Alert {a.AlertId}: {a.Title}", a.SourceTechniques.Select(t => AttackKnowledge.Lookup(t).Tactic).FirstOrDefault()));
        return investigation.Timeline.Concat(alerts).Concat(investigation.Report?.Timeline ?? [])
            .Distinct().OrderBy(e => e.At).ToList();
    }

    public static string TechnicalAnalysis(InvestigationRecord investigation, IReadOnlyList<ReportIndicator> iocs)
    {
        var text = new StringBuilder();
        foreach (var a in investigation.Alerts)
            text.Append(CultureInfo.InvariantCulture, $"Alert {a.AlertId} \"{a.Title}\" ({a.Product ?? a.SourceFormat}; rule {a.RuleName ?? "n/a"}; category {a.Category ?? "n/a"}) at {a.Timestamp:u} carried {a.Observables.Count} observables. ");
        if (investigation.Triage is { } t)
            text.Append(CultureInfo.InvariantCulture, $"Triage rated it {t.Severity.ToString().ToLowerInvariant()} (score {t.Score:0.00}, confidence {t.Confidence:0.00}) and chose the {t.Path.ToString().ToLowerInvariant()} path: {Sentence(t.Reasoning)} ");
        if (investigation.Report is { } r)
        {
            text.Append(CultureInfo.InvariantCulture, $"The investigation ran {r.Steps.Count} steps and stopped ({r.StopReason}) at confidence {r.Confidence:0.00}. ");
            var key = r.Findings.Where(f => f.Verdict >= Verdict.Suspicious).OrderByDescending(f => f.Verdict).ThenByDescending(f => f.Confidence).Take(5).ToList();
            if (key.Count > 0)
                text.Append("Key findings: ").AppendJoin("; ", key.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Id} {f.Title} ({f.Verdict.ToString().ToLowerInvariant()}, {f.Confidence:0.00})"))).Append(". ");
            var b = r.BlastRadius;
            text.Append(CultureInfo.InvariantCulture, $"Blast radius is {b.Scope}: {b.Assets.Count} hosts, {b.Users.Count} users, {b.Mailboxes.Count} other mailboxes. ");
        }
        else
        {
            text.Append("The investigation has not concluded yet. ");
        }
        var malicious = iocs.Count(i => i.Verdict == Verdict.Malicious);
        text.Append(CultureInfo.InvariantCulture, $"{iocs.Count} indicators, {malicious} judged malicious.");
        return text.ToString();
    }

    public static IReadOnlyList<AffectedAsset> AffectedAssets(InvestigationRecord investigation) =>
        investigation.Report?.BlastRadius.Assets is { Count: > 0 } assets
            ? assets
            : investigation.Alerts.SelectMany(a => a.Of(Core.Alerts.ObservableType.Host))
                .Select(h => h.Value).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(h => new AffectedAsset(h, "unknown", null)).ToList();

    public static IReadOnlyList<string> Recommendations(InvestigationRecord investigation)
    {
        var list = new List<string>(investigation.Report?.Recommendations ?? []);
        if (investigation.Plan is { } plan && plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending) is > 0 and var pending)
            list.Add($"Review the {pending} response action(s) awaiting approval, highest priority first.");
        if (investigation.Feedback is { } feedback)
            list.AddRange(feedback.DetectionGaps.Select(g => $"Close detection gap: {g}"));
        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".!?".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }
}
