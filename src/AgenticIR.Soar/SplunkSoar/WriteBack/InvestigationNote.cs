using System.Globalization;
using System.Text;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The investigation note: every step with tool, query, result and confidence, the findings and the blast radius.</summary>
internal static class InvestigationNote
{
    private static readonly MarkdownText Safe = MarkdownText.Plain;

    public static string? Render(InvestigationRecord record)
    {
        if (record.Report is not { } report) return null;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.Investigation));
        md.Append(CultureInfo.InvariantCulture, $"## Investigation: {report.Steps.Count} steps, {report.Findings.Count} findings · confidence ")
            .AppendLine(ReportFormat.Number(report.Confidence)).AppendLine();
        md.Append("Stopped: ").AppendLine(ReportFormat.Wire(report.StopReason)).AppendLine();

        md.AppendLine("### Evidence chain").AppendLine();
        if (report.Steps.Count == 0) md.AppendLine("_No steps yet._");
        else md.AppendLine("| # | Tool | Query | Result | Confidence | Findings |").AppendLine("|---|---|---|---|---|---|");
        foreach (var step in report.Steps)
        {
            md.Append("| ").Append(step.Number.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Safe.Inline(step.Tool))
                .Append(" | ").Append(Safe.Inline(step.Query)).Append(" | ").Append(Safe.Inline(step.Result))
                .Append(" | ").Append(ReportFormat.Number(step.Confidence)).Append(" | ").Append(Safe.Inline(string.Join(", ", step.FindingIds)))
                .AppendLine(" |");
        }

        md.AppendLine().AppendLine("### Findings").AppendLine();
        if (report.Findings.Count == 0) md.AppendLine("_None._");
        foreach (var f in report.Findings)
        {
            md.Append("- **").Append(Safe.Inline(f.Id)).Append("** ").Append(ReportFormat.Wire(f.Verdict)).Append(" (")
                .Append(ReportFormat.Number(f.Confidence)).Append("): ").Append(Safe.Inline(f.Title)).Append(" — ")
                .AppendLine(Safe.Inline(f.Evidence));
        }

        var b = report.BlastRadius;
        md.AppendLine().AppendLine("### Blast radius").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Scope **{Safe.Inline(b.Scope)}**: {b.Assets.Count} hosts, {b.Users.Count} users, {b.BusinessServices.Count} business services, {b.Mailboxes.Count} other mailboxes.").AppendLine();
        foreach (var a in b.Assets)
            md.Append("- host ").Append(Safe.Inline(a.Host)).Append(" (").Append(Safe.Inline(a.Criticality)).Append(a.BusinessService is null ? "" : ", " + Safe.Inline(a.BusinessService)).AppendLine(")");
        foreach (var u in b.Users) md.Append("- user ").AppendLine(Safe.Inline(u));
        return md.ToString();
    }
}
