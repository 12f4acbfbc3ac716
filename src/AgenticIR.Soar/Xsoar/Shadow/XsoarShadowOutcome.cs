using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Shadow;

namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>The real outcome a closed XSOAR incident tells: its final severity, the analyst's close reason, and the
/// response actions taken on it (by the playbook or an analyst, and the agents' own dispatches that succeeded).</summary>
internal static class XsoarShadowOutcome
{
    /// <summary>Null while the incident is open or when it names neither a severity nor a disposition.</summary>
    public static IncidentOutcome? From(ShadowComparison comparison, InvestigationRecord record)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(record);
        if (!comparison.Final) return null;
        Severity? severity = SeverityNames.TryParse(comparison.ContainerSeverity, out var parsed) ? parsed : null;
        var disposition = ShadowFactsMapper.Disposition(comparison.AnalystDisposition);
        if (severity is null && disposition is null) return null;
        var ours = (record.Plan?.Actions ?? [])
            .Where(a => a.Kind != ActionKind.Enrichment && a.Execution?.Status == DispatchStatus.Succeeded)
            .Select(a => a.LogicalAction);
        return new IncidentOutcome
        {
            ActualSeverity = severity,
            Disposition = disposition,
            ActionsTaken = [.. comparison.PlaybookActions.Concat(ours).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Source = XsoarShadowNames.OutcomeSource,
        };
    }
}
