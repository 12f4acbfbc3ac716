using System.Globalization;
using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>The findings entry: one row per finding with its verdict, confidence, tool, observables (typed) and evidence.
/// XSOAR keeps indicators per tenant (<c>/indicator/create</c> links them to an incident only through the war room), so
/// the findings go into an entry of their own, which the analyst can turn into indicators with XSOAR's own extraction.</summary>
internal static class XsoarFindingsEntry
{
    private static readonly MarkdownText Safe = MarkdownText.Plain;

    public static string? Render(InvestigationRecord record)
    {
        if (record.Report is not { Findings.Count: > 0 } report) return null;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Findings: {report.Findings.Count}").AppendLine().AppendLine();
        md.AppendLine("| Finding | Verdict | Confidence | Tool | Observables | Evidence |").AppendLine("|---|---|---|---|---|---|");
        foreach (var f in report.Findings)
        {
            var observables = (f.Subject is null ? f.Discovered : [f.Subject, .. f.Discovered]).Distinct()
                .Select(o => ObservableTypeNames.ToWire(o.Type) + " " + o.Value);
            md.Append("| ").Append(Safe.Inline(f.Id + ": " + f.Title)).Append(" | ").Append(f.Verdict.ToString().ToLowerInvariant())
                .Append(" | ").Append(ReportFormat.Number(f.Confidence)).Append(" | ").Append(Safe.Inline(f.Tool))
                .Append(" | ").Append(Safe.Inline(string.Join(", ", observables))).Append(" | ").Append(Safe.Inline(f.Evidence)).AppendLine(" |");
        }
        return md.ToString();
    }
}
