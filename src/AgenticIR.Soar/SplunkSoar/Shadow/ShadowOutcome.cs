using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>The real outcome a closed container tells: its final severity, the analyst's disposition, and the response
/// actions taken on it, by the playbook or an analyst and by the agents' own dispatches that succeeded.</summary>
internal static class ShadowOutcome
{
    /// <summary>Outcome source when the disposition is the analyst's container field (or none was given).</summary>
    public const string AnalystSource = "splunk_soar:analyst";

    /// <summary>Outcome source when the disposition came from the playbook's verdict artifact.</summary>
    public const string PlaybookVerdictSource = "splunk_soar:playbook_verdict";

    /// <summary>The outcome of a final comparison; null while the container is open (its severity and verdict may still
    /// change) or when it names neither a severity nor a disposition (nothing to learn from).</summary>
    public static IncidentOutcome? From(ShadowComparison comparison, InvestigationRecord record, bool fromVerdictArtifact)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return From(comparison, record, fromVerdictArtifact && comparison.AnalystDisposition is not null ? PlaybookVerdictSource : AnalystSource);
    }

    /// <summary>The outcome of a final comparison of either SOAR, recorded as coming from <paramref name="source"/>; null
    /// while the item is open or when it names neither a severity nor a disposition.</summary>
    public static IncidentOutcome? From(ShadowComparison comparison, InvestigationRecord record, string source)
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
            Source = source,
        };
    }
}
