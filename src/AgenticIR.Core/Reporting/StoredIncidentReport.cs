using AgenticIR.Core.State;

namespace AgenticIR.Core.Reporting;

/// <summary>The report as the investigation state keeps it: its actions, timeline and findings are the plan's, the
/// investigation's and the investigation report's, stored once there, so the copy on the record leaves them out.</summary>
public static class StoredIncidentReport
{
    /// <summary>The report without what the record holds elsewhere.</summary>
    public static IncidentReport Strip(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with { Actions = [], Timeline = [], Findings = [] };
    }

    /// <summary>The record's report with the plan's current actions, the investigation's timeline and its findings put
    /// back; null before the first report.</summary>
    public static IncidentReport? Restore(InvestigationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Incident is not { } report ? null : report with
        {
            Actions = record.Plan?.Actions ?? [],
            Timeline = [.. record.Timeline.OrderBy(e => e.At)],
            Findings = record.Report?.Findings ?? [],
        };
    }
}
