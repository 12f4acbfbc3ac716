using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The incident report note: the report the documentation agent keeps on the record (so no reasoner is called
/// again and the content only changes when the report, the plan or the timeline does), rendered from the same model and
/// through the same sanitizer as the report file, after our marker line.</summary>
internal static class ReportNote
{
    public static string? Render(InvestigationRecord record) =>
        StoredIncidentReport.Restore(record) is { } report
            ? NoteMarker.Line(record.Id, NoteKind.Report) + "\n" + IncidentReportMarkdown.Note(report)
            : null;
}
