using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The incident report note, rendered from the report the documentation agent keeps on the record (so no
/// reasoner is called again and the content only changes when the report does). The plan and timeline, which the
/// record keeps outside the report, are added from the record.</summary>
internal static class ReportNote
{
    public static string? Render(InvestigationRecord record)
    {
        if (record.Incident is not { } report) return null;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.Report));
        md.Append("# ").AppendLine(SafeMarkdown.Inline(report.Title)).AppendLine();
        md.Append("Stage ").Append(SafeMarkdown.Inline(report.Stage)).Append(" · generated ").AppendLine(SafeMarkdown.Time(report.GeneratedAt)).AppendLine();
        md.AppendLine("## Executive summary").AppendLine().AppendLine(SafeMarkdown.Quote(report.ExecutiveSummary)).AppendLine();
        md.AppendLine("## Technical analysis").AppendLine().AppendLine(SafeMarkdown.Quote(report.TechnicalAnalysis)).AppendLine();

        List(md, "Indicators of compromise", report.Iocs.Select(SafeMarkdown.Inline));
        List(md, "Affected assets", report.AffectedAssets.Select(a =>
            $"{SafeMarkdown.Inline(a.Host)} ({SafeMarkdown.Inline(a.Criticality)}{(a.BusinessService is null ? "" : ", " + SafeMarkdown.Inline(a.BusinessService))})"));
        List(md, "Response actions", (record.Plan?.Actions ?? []).Select(a =>
            $"{SafeMarkdown.Inline(a.ActionId)} {SafeMarkdown.Inline(a.LogicalAction)} → {ObservableTypeNames.ToWire(a.Target.Type)} {SafeMarkdown.Inline(a.Target.Value)}: {SafeMarkdown.Wire(a.ApprovalStatus)}{(a.Execution is null ? "" : ", " + SafeMarkdown.Wire(a.Execution.Status))}"));
        List(md, "MITRE ATT&CK", report.Mitre.Select(m =>
            $"{SafeMarkdown.Inline(m.TechniqueId)} {SafeMarkdown.Inline(m.Name)} ({SafeMarkdown.Inline(m.Tactic)}, {SafeMarkdown.Number(m.Confidence)}): {SafeMarkdown.Inline(m.Evidence)}"));
        List(md, "Timeline", record.Timeline.OrderBy(e => e.At).Select(e =>
            $"{SafeMarkdown.Time(e.At)} {SafeMarkdown.Inline(e.Stage)}: {SafeMarkdown.Inline(e.Description)}"));
        List(md, "Recommendations", report.Recommendations.Select(SafeMarkdown.Inline));
        List(md, "NIST SP 800-61 phases", report.NistPhases.Select(p =>
            $"{SafeMarkdown.Inline(p.Phase)} ({SafeMarkdown.Inline(p.Agent)}): {(p.Artifacts.Count == 0 ? "not reached" : SafeMarkdown.Inline(string.Join("; ", p.Artifacts)))}"));
        List(md, "Evidence hashes (SHA-256)", report.EvidenceHashes.Select(h => $"{SafeMarkdown.Inline(h.Item)}: `{h.Sha256}`"));
        return md.ToString();
    }

    private static void List(StringBuilder md, string title, IEnumerable<string> items)
    {
        md.Append("## ").AppendLine(SafeMarkdown.Inline(title)).AppendLine();
        var any = false;
        foreach (var item in items)
        {
            md.Append("- ").AppendLine(item);
            any = true;
        }
        if (!any) md.AppendLine("_None yet._");
        md.AppendLine();
    }
}
