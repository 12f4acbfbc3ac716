using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The triage note: severity, confidence, path, each signal with its score, weight and evidence, and why.</summary>
internal static class TriageNote
{
    public static string? Render(InvestigationRecord record)
    {
        if (record.Triage is not { } triage) return null;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.Triage));
        md.Append("## Triage: ").Append(triage.Severity.ToWire()).Append(" · path ").Append(SafeMarkdown.Wire(triage.Path))
            .Append(" · confidence ").AppendLine(SafeMarkdown.Number(triage.Confidence)).AppendLine();
        md.AppendLine("| Severity | Source severity | Confidence | Score | Path | Mode | Playbook entry |").AppendLine("|---|---|---|---|---|---|---|");
        md.Append("| ").Append(triage.Severity.ToWire()).Append(" | ").Append(triage.SourceSeverity?.ToWire() ?? "none given")
            .Append(" | ").Append(SafeMarkdown.Number(triage.Confidence))
            .Append(" | ").Append(SafeMarkdown.Number(triage.Score)).Append(" | ").Append(SafeMarkdown.Wire(triage.Path))
            .Append(" | ").Append(record.Mode.ToWire()).Append(" | ").Append(SafeMarkdown.Inline(record.Playbook?.Playbook ?? "none"))
            .AppendLine(" |").AppendLine();
        if (triage.SourceSeverityNote is { } differs)
            md.Append("**Severity versus the source:** ").AppendLine(SafeMarkdown.Inline(differs)).AppendLine();
        if (triage.Deduplicated)
            md.Append("Duplicate of an active investigation: ").AppendLine(SafeMarkdown.Inline(triage.ParentInvestigationId ?? "unknown")).AppendLine();

        md.AppendLine("### Signals").AppendLine();
        md.AppendLine("| Signal | Score | Weight | Contribution | Evidence |").AppendLine("|---|---|---|---|---|");
        foreach (var s in triage.Signals)
        {
            md.Append("| ").Append(SafeMarkdown.Inline(s.Name)).Append(" | ").Append(SafeMarkdown.Number(s.Score))
                .Append(" | ").Append(SafeMarkdown.Number(s.Weight)).Append(" | ").Append(SafeMarkdown.Number(s.Contribution))
                .Append(" | ").Append(SafeMarkdown.Inline(s.Evidence)).AppendLine(" |");
        }
        md.AppendLine().AppendLine("### Why").AppendLine().AppendLine(SafeMarkdown.Quote(triage.Reasoning));
        if (triage.EnrichmentHints.Count > 0)
        {
            md.AppendLine().AppendLine("### Suggested enrichments").AppendLine();
            foreach (var hint in triage.EnrichmentHints) md.Append("- ").AppendLine(SafeMarkdown.Inline(hint));
        }
        return md.ToString();
    }
}
