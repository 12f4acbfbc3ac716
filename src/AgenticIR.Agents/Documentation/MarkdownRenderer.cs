using System.Globalization;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;

namespace AgenticIR.Agents.Documentation;

/// <summary>Renders the report for an analyst. Everything that may come from an alert goes through
/// <see cref="MarkdownText"/>; only the renderer's own labels are written raw.</summary>
internal sealed class MarkdownRenderer(MarkdownText safe, IReadOnlyList<IocEntry> iocs, IReadOnlyList<Finding> findings, MitreResult mitre)
{
    private readonly StringBuilder _md = new();

    public string Render(IncidentReport report)
    {
        _md.Append("# ").AppendLine(safe.Inline(report.Title)).AppendLine();
        Table(["Incident", "Stage", "Generated"], [[safe.Inline(report.IncidentId), safe.Inline(report.Stage), Time(report.GeneratedAt)]]);

        Section("Executive summary").AppendLine(safe.Block(report.ExecutiveSummary)).AppendLine();

        Section("Timeline");
        Table(["Time (UTC)", "Source", "Event", "Tactic"],
            report.Timeline.Select(e => new[] { Time(e.At), safe.Inline(e.Stage), safe.Inline(e.Description), safe.Inline(e.Tactic ?? "") }));

        Section("Technical analysis").AppendLine(safe.Block(report.TechnicalAnalysis)).AppendLine();
        _md.AppendLine("### Indicators of compromise").AppendLine();
        Table(["Type", "Indicator (defanged)", "Verdict", "Findings"], iocs.Select(i => new[]
            { ObservableTypeNames.ToWire(i.Observable.Type), safe.Inline(i.Observable.Value), i.VerdictText, safe.Inline(string.Join(", ", i.FindingIds)) }));
        _md.AppendLine("### Findings").AppendLine();
        Table(["Id", "Kind", "Verdict", "Confidence", "Finding", "Evidence"], findings.Select(f => new[]
            { safe.Inline(f.Id), safe.Inline(f.Kind ?? ""), Wire(f.Verdict), Number(f.Confidence), safe.Inline(f.Title), safe.Inline(f.Evidence) }));

        Section("Affected assets");
        Table(["Host", "Criticality", "Business service"], report.AffectedAssets.Select(a => new[]
            { safe.Inline(a.Host), safe.Inline(a.Criticality), safe.Inline(a.BusinessService ?? "") }));

        Section("Response actions");
        Table(["#", "Action", "Target", "Phase", "Risk", "Approval", "Status", "Rollback", "Justification"], report.Actions.Select(a => new[]
        {
            a.Priority.ToString(CultureInfo.InvariantCulture), safe.Inline(a.LogicalAction),
            safe.Inline($"{ObservableTypeNames.ToWire(a.Target.Type)} {a.Target.Value}"), Wire(a.Kind), Wire(a.Risk),
            Wire(a.ApprovalClass), Wire(a.ApprovalStatus), safe.Inline(a.RollbackAction ?? (a.Kind == ActionKind.Notification ? "not needed" : a.Reversible ? "manual" : "irreversible")),
            safe.Inline(a.Justification),
        }));

        Section("MITRE ATT&CK mappings");
        Table(["Technique", "Name", "Tactic", "Confidence", "Evidence"], report.Mitre.Select(m => new[]
            { safe.Inline(m.TechniqueId), safe.Inline(m.Name), safe.Inline(m.Tactic), Number(m.Confidence), safe.Inline(m.Evidence) }));
        Section("ATT&CK timeline by tactic");
        Table(["Tactic", "First seen (UTC)", "Techniques"], report.Mitre.GroupBy(m => m.Tactic)
            .Select(g => (Tactic: g.Key, First: g.Min(m => mitre.FirstSeen.TryGetValue(m.TechniqueId, out var at) ? at : DateTimeOffset.MaxValue), Items: g))
            .OrderBy(g => AttackKnowledge.TacticRank(g.Tactic)).ThenBy(g => g.First)
            .Select(g => new[] { safe.Inline(g.Tactic), g.First == DateTimeOffset.MaxValue ? "" : Time(g.First),
                safe.Inline(string.Join(", ", g.Items.Select(m => $"{m.TechniqueId} {m.Name} ({Number(m.Confidence)})"))) }));

        Section("Recommendations");
        if (report.Recommendations.Count == 0) _md.AppendLine("_None yet._");
        foreach (var r in report.Recommendations) _md.Append("- ").AppendLine(safe.Inline(r));
        _md.AppendLine();

        Section("NIST SP 800-61 phases");
        Table(["Phase", "Responsible agent", "Artifacts"], report.NistPhases.Select(p => new[]
            { safe.Inline(p.Phase), safe.Inline(p.Agent), p.Artifacts.Count == 0 ? "not reached" : string.Join("<br>", p.Artifacts.Select(safe.Inline)) }));

        Section("Evidence hashes (SHA-256)");
        Table(["Item", "SHA-256"], report.EvidenceHashes.Select(h => new[] { safe.Inline(h.Item), $"`{h.Sha256}`" }));
        return _md.ToString();
    }

    private StringBuilder Section(string title) => _md.Append("## ").AppendLine(title).AppendLine();

    private void Table(string[] headers, IEnumerable<string[]> rows)
    {
        var materialized = rows.ToList();
        if (materialized.Count == 0)
        {
            _md.AppendLine("_None yet._").AppendLine();
            return;
        }
        _md.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        _md.Append('|').AppendJoin("", headers.Select(_ => "---|")).AppendLine();
        foreach (var row in materialized) _md.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        _md.AppendLine();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Wire<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
