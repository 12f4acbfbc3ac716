using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Response;

/// <summary>What the rules may look at: the investigation, its findings and the observables it legitimately knows.</summary>
internal sealed record PlanningContext(InvestigationRecord Investigation, IReadOnlyList<Finding> Findings, Severity Severity)
{
    /// <summary>The alerts' own observables plus everything findings discovered: the only legal targets.</summary>
    public IReadOnlyList<Observable> Known { get; } = Investigation.Alerts.SelectMany(a => a.Observables)
        .Concat(Findings.SelectMany(f => f.Discovered)).Distinct().ToList();

    public IEnumerable<Observable> AlertObservables => Investigation.Alerts.SelectMany(a => a.Observables);

    public static PlanningContext From(InvestigationRecord investigation) => new(
        investigation,
        investigation.Report?.Findings ?? [],
        investigation.Triage?.Severity ?? investigation.PrimaryAlert.SourceSeverity ?? Severity.Medium);
}
