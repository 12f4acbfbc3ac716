namespace AgenticIR.Core.Reporting;

public sealed partial class IncidentReportMarkdown
{
    private string RenderNote()
    {
        var report = _report;
        _md.Append("# ").AppendLine(_safe.Inline(report.Title)).AppendLine();
        _md.Append("Stage ").Append(_safe.Inline(report.Stage)).Append(" · generated ").AppendLine(ReportFormat.Time(report.GeneratedAt)).AppendLine();
        _md.AppendLine("## Executive summary").AppendLine().AppendLine(_safe.Quote(report.ExecutiveSummary)).AppendLine();
        _md.AppendLine("## Technical analysis").AppendLine().AppendLine(_safe.Quote(report.TechnicalAnalysis)).AppendLine();
        ModelWritingSection();

        List("Indicators of compromise", report.Indicators.Select(Indicator));
        List("Affected assets", report.AffectedAssets.Select(a =>
            $"{_safe.Inline(a.Host)} ({_safe.Inline(a.Criticality)}{(a.BusinessService is null ? "" : ", " + _safe.Inline(a.BusinessService))})"));
        List("Response actions", report.Actions.Select(a =>
            $"{_safe.Inline(a.ActionId)} {_safe.Inline(a.LogicalAction)} → {Target(a)}: {ReportFormat.Wire(a.ApprovalStatus)}{(a.Execution is null ? "" : ", " + ReportFormat.Wire(a.Execution.Status))}"));
        List("MITRE ATT&CK", report.Mitre.Select(m =>
            $"{_safe.Inline(m.TechniqueId)} {_safe.Inline(m.Name)} ({_safe.Inline(m.Tactic)}, {ReportFormat.Number(m.Confidence)}): {_safe.Inline(m.Evidence)}"));
        List("Timeline", report.Timeline.Select(e => $"{ReportFormat.Time(e.At)} {_safe.Inline(e.Stage)}: {_safe.Inline(e.Description)}"));
        List("Recommendations", report.Recommendations.Select(_safe.Inline));
        List("NIST SP 800-61 phases", report.NistPhases.Select(p => $"{_safe.Inline(p.Phase)} ({_safe.Inline(p.Agent)}): {Phase(p, "; ")}"));
        List("Evidence hashes (SHA-256)", report.EvidenceHashes.Select(h => $"{_safe.Inline(h.Item)}: `{h.Sha256}`"));
        return _md.ToString();
    }

    private void List(string title, IEnumerable<string> items)
    {
        _md.Append("## ").AppendLine(title).AppendLine();
        var any = false;
        foreach (var item in items)
        {
            _md.Append("- ").AppendLine(item);
            any = true;
        }
        if (!any) _md.AppendLine("_None yet._");
        _md.AppendLine();
    }
}
