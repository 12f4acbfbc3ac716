using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>The agents' side of a shadow comparison, the same on either SOAR: what they would have done, when they
/// started and decided, and which of their findings the playbook's runs never touched.</summary>
internal static class ShadowAgentSide
{
    /// <summary>The planned response actions (enrichment is investigation, not a decision), distinct and sorted.</summary>
    public static List<string> Actions(InvestigationRecord record) =>
        [.. (record.Plan?.Actions ?? []).Where(a => a.Kind != ActionKind.Enrichment).Select(a => a.LogicalAction)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>When triage was first saved and when a plan (or a later stage) was first saved.</summary>
    public static (DateTimeOffset? Started, DateTimeOffset? Decided) Times(IReadOnlyList<StageEvent> events) => (
        events.Where(e => e.Stage == InvestigationStage.Triaged).OrderBy(e => e.Version).Select(e => (DateTimeOffset?)e.At).FirstOrDefault(),
        events.Where(e => e.Stage >= InvestigationStage.Planned).OrderBy(e => e.Version).Select(e => (DateTimeOffset?)e.At).FirstOrDefault());

    /// <summary>Suspicious or worse findings whose subject appears in none of the values the playbook's runs were given.</summary>
    public static List<string> ExtraFindings(IReadOnlyList<Finding> findings, IEnumerable<string> touchedValues)
    {
        var touched = touchedValues.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        return [.. findings
            .Where(f => f.Verdict >= Verdict.Suspicious && f.Subject is not null)
            .Where(f => !touched.Any(v => v.Contains(f.Subject!.Value, StringComparison.OrdinalIgnoreCase)))
            .Select(f => $"{f.Id} {f.Verdict.ToString().ToLowerInvariant()} {ObservableTypeNames.ToWire(f.Subject!.Type)}:{f.Subject.Value}: {f.Title}")];
    }
}
