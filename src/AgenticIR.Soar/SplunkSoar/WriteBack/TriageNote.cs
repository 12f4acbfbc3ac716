using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The triage note: severity, confidence, path, each signal with its score, weight and evidence, and why.</summary>
internal static class TriageNote
{
    private static readonly MarkdownText Safe = MarkdownText.Plain;

    public static string? Render(InvestigationRecord record)
    {
        if (record.Triage is not { } triage) return null;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.Triage));
        md.Append("## Triage: ").Append(triage.Severity.ToWire()).Append(" · path ").Append(ReportFormat.Wire(triage.Path))
            .Append(" · confidence ").AppendLine(ReportFormat.Number(triage.Confidence)).AppendLine();
        md.AppendLine("| Severity | Source severity | Confidence | Score | Path | Mode | Playbook entry |").AppendLine("|---|---|---|---|---|---|---|");
        md.Append("| ").Append(triage.Severity.ToWire()).Append(" | ").Append(triage.SourceSeverity?.ToWire() ?? "none given")
            .Append(" | ").Append(ReportFormat.Number(triage.Confidence))
            .Append(" | ").Append(ReportFormat.Number(triage.Score)).Append(" | ").Append(ReportFormat.Wire(triage.Path))
            .Append(" | ").Append(record.Mode.ToWire()).Append(" | ").Append(Safe.Inline(record.Playbook?.Playbook ?? "none"))
            .AppendLine(" |").AppendLine();
        if (triage.SourceSeverityNote is { } differs)
            md.Append("**Severity versus the source:** ").AppendLine(Safe.Inline(differs)).AppendLine();
        if (triage.Deduplicated)
            md.Append("Duplicate of an active investigation: ").AppendLine(Safe.Inline(triage.ParentInvestigationId ?? "unknown")).AppendLine();

        md.AppendLine("### Signals").AppendLine();
        md.AppendLine("| Signal | Score | Weight | Contribution | Evidence |").AppendLine("|---|---|---|---|---|");
        foreach (var s in triage.Signals)
        {
            md.Append("| ").Append(Safe.Inline(s.Name)).Append(" | ").Append(ReportFormat.Number(s.Score))
                .Append(" | ").Append(ReportFormat.Number(s.Weight)).Append(" | ").Append(ReportFormat.Number(s.Contribution))
                .Append(" | ").Append(Safe.Inline(s.Evidence)).AppendLine(" |");
        }
        md.AppendLine().AppendLine("### Why").AppendLine().AppendLine(Safe.Quote(triage.Reasoning));
        if (triage.EnrichmentHints.Count > 0)
        {
            md.AppendLine().AppendLine("### Suggested enrichments").AppendLine();
            foreach (var hint in triage.EnrichmentHints) md.Append("- ").AppendLine(Safe.Inline(hint));
        }
        return md.ToString();
    }
}
