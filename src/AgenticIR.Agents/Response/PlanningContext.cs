using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Response;

/// <summary>What the rules may look at: the investigation, its findings and the observables it legitimately knows.</summary>
internal sealed record PlanningContext(InvestigationRecord Investigation, IReadOnlyList<Finding> Findings, Severity Severity)
{
    /// <summary>The only legal targets: the alerts' structured entities, plus the other mailboxes a message trace
    /// found holding the same lure (mail actions reach them). Values found only in free text, and what the context data
    /// merely associates with the alert, are looked up, never acted on.</summary>
    public IReadOnlyList<Observable> Known { get; } = Observable.Merge(Investigation.Alerts.SelectMany(a => a.Observables)
        .Concat(Findings.Where(f => !f.AboutFreeText && f.Kind == FindingKinds.LureDelivered)
            .SelectMany(f => f.Discovered.Where(ObservableRoles.IsRecipient))))
        .Where(o => !o.FromFreeText).ToList();

    /// <summary>Values found only in the alerts' free text (and what lookups about them discovered).</summary>
    public IReadOnlyList<Observable> FreeTextOnly { get; } = Observable.Merge(Investigation.Alerts.SelectMany(a => a.Observables)
        .Concat(Findings.SelectMany(f => f.Discovered))).Where(o => o.FromFreeText).ToList();

    /// <summary>The alerts' structured entities.</summary>
    public IEnumerable<Observable> AlertObservables => Investigation.AllObservables.Where(o => !o.FromFreeText);

    public static PlanningContext From(InvestigationRecord investigation) => new(
        investigation,
        investigation.Report?.Findings ?? [],
        investigation.Triage?.PlanningSeverity() ?? investigation.PrimaryAlert.SourceSeverity ?? Severity.Medium);
}
