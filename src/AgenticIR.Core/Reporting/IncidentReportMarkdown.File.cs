using System.Text;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Reporting;

public sealed partial class IncidentReportMarkdown
{
    private string RenderFile()
    {
        var report = _report;
        _md.Append("# ").AppendLine(_safe.Inline(report.Title)).AppendLine();
        Table(["Incident", "Stage", "Generated"], [[_safe.Inline(report.IncidentId), _safe.Inline(report.Stage), ReportFormat.Time(report.GeneratedAt)]]);

        Section("Executive summary").AppendLine(_safe.Block(report.ExecutiveSummary)).AppendLine();
        ModelWritingSection();

        Section("Timeline");
        Table(["Time (UTC)", "Source", "Event", "Tactic"], report.Timeline.Select(e => new[]
            { ReportFormat.Time(e.At), _safe.Inline(e.Stage), _safe.Inline(e.Description), _safe.Inline(e.Tactic ?? "") }));

        Section("Technical analysis").AppendLine(_safe.Block(report.TechnicalAnalysis)).AppendLine();
        _md.AppendLine("### Indicators of compromise").AppendLine();
        Table(["Type", "Indicator (defanged)", "Verdict", "Findings"], report.Indicators.Select(i => new[]
            { ObservableTypeNames.ToWire(i.Observable.Type), _safe.Inline(i.Observable.Value), VerdictText(i), _safe.Inline(string.Join(", ", i.FindingIds)) }));
        _md.AppendLine("### Findings").AppendLine();
        Table(["Id", "Kind", "Verdict", "Confidence", "Finding", "Evidence"], report.Findings.Select(f => new[]
            { _safe.Inline(f.Id), _safe.Inline(f.Kind ?? ""), ReportFormat.Wire(f.Verdict), ReportFormat.Number(f.Confidence), _safe.Inline(f.Title), _safe.Inline(f.Evidence) }));

        Section("Affected assets");
        Table(["Host", "Criticality", "Business service"], report.AffectedAssets.Select(a => new[]
            { _safe.Inline(a.Host), _safe.Inline(a.Criticality), _safe.Inline(a.BusinessService ?? "") }));

        Section("Response actions");
        Table(["#", "Action", "Target", "Phase", "Risk", "Approval", "Status", "Rollback", "Justification"], report.Actions.Select(a => new[]
        {
            Priority(a), _safe.Inline(a.LogicalAction), Target(a), ReportFormat.Wire(a.Kind), ReportFormat.Wire(a.Risk),
            ReportFormat.Wire(a.ApprovalClass), ReportFormat.Wire(a.ApprovalStatus), Rollback(a), _safe.Inline(a.Justification),
        }));

        Section("MITRE ATT&CK mappings");
        Table(["Technique", "Name", "Tactic", "Confidence", "Evidence"], report.Mitre.Select(m => new[]
            { _safe.Inline(m.TechniqueId), _safe.Inline(m.Name), _safe.Inline(m.Tactic), ReportFormat.Number(m.Confidence), _safe.Inline(m.Evidence) }));
        // The mappings come in kill-chain order of their tactics, and grouping keeps the order of first appearance.
        Section("ATT&CK timeline by tactic");
        Table(["Tactic", "First seen (UTC)", "Techniques"], report.Mitre.GroupBy(m => m.Tactic, StringComparer.Ordinal).Select(g => new[]
        {
            _safe.Inline(g.Key), g.Min(m => m.FirstSeen) is { } first ? ReportFormat.Time(first) : "",
            _safe.Inline(string.Join(", ", g.Select(m => $"{m.TechniqueId} {m.Name} ({ReportFormat.Number(m.Confidence)})"))),
        }));

        Section("Recommendations");
        if (report.Recommendations.Count == 0) _md.AppendLine("_None yet._");
        foreach (var r in report.Recommendations) _md.Append("- ").AppendLine(_safe.Inline(r));
        _md.AppendLine();

        Section("NIST SP 800-61 phases");
        Table(["Phase", "Responsible agent", "Artifacts"], report.NistPhases.Select(p => new[] { _safe.Inline(p.Phase), _safe.Inline(p.Agent), Phase(p, "<br>") }));

        Section("Evidence hashes (SHA-256)");
        Table(["Item", "SHA-256"], report.EvidenceHashes.Select(h => new[] { _safe.Inline(h.Item), $"`{h.Sha256}`" }));
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
}
