using System.Globalization;
using System.Text;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The investigation note: every step with tool, query, result and confidence, the findings and the blast radius.</summary>
internal static class InvestigationNote
{
    public static string? Render(InvestigationRecord record)
    {
        if (record.Report is not { } report) return null;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.Investigation));
        md.Append(CultureInfo.InvariantCulture, $"## Investigation: {report.Steps.Count} steps, {report.Findings.Count} findings · confidence ")
            .AppendLine(SafeMarkdown.Number(report.Confidence)).AppendLine();
        md.Append("Stopped: ").AppendLine(SafeMarkdown.Wire(report.StopReason)).AppendLine();

        md.AppendLine("### Evidence chain").AppendLine();
        if (report.Steps.Count == 0) md.AppendLine("_No steps yet._");
        else md.AppendLine("| # | Tool | Query | Result | Confidence | Findings |").AppendLine("|---|---|---|---|---|---|");
        foreach (var step in report.Steps)
        {
            md.Append("| ").Append(step.Number.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(SafeMarkdown.Inline(step.Tool))
                .Append(" | ").Append(SafeMarkdown.Inline(step.Query)).Append(" | ").Append(SafeMarkdown.Inline(step.Result))
                .Append(" | ").Append(SafeMarkdown.Number(step.Confidence)).Append(" | ").Append(SafeMarkdown.Inline(string.Join(", ", step.FindingIds)))
                .AppendLine(" |");
        }

        md.AppendLine().AppendLine("### Findings").AppendLine();
        if (report.Findings.Count == 0) md.AppendLine("_None._");
        foreach (var f in report.Findings)
        {
            md.Append("- **").Append(SafeMarkdown.Inline(f.Id)).Append("** ").Append(SafeMarkdown.Wire(f.Verdict)).Append(" (")
                .Append(SafeMarkdown.Number(f.Confidence)).Append("): ").Append(SafeMarkdown.Inline(f.Title)).Append(" — ")
                .AppendLine(SafeMarkdown.Inline(f.Evidence));
        }

        var b = report.BlastRadius;
        md.AppendLine().AppendLine("### Blast radius").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Scope **{SafeMarkdown.Inline(b.Scope)}**: {b.Assets.Count} hosts, {b.Users.Count} users, {b.BusinessServices.Count} business services, {b.Mailboxes.Count} other mailboxes.").AppendLine();
        foreach (var a in b.Assets)
            md.Append("- host ").Append(SafeMarkdown.Inline(a.Host)).Append(" (").Append(SafeMarkdown.Inline(a.Criticality)).Append(a.BusinessService is null ? "" : ", " + SafeMarkdown.Inline(a.BusinessService)).AppendLine(")");
        foreach (var u in b.Users) md.Append("- user ").AppendLine(SafeMarkdown.Inline(u));
        return md.ToString();
    }
}
