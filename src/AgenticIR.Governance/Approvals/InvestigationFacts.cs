using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Approvals;

/// <summary>What governance reads off an investigation, in one place so the gate, the answers and the timeouts agree.</summary>
internal static class InvestigationFacts
{
    /// <summary>Triaged severity; the alert's own before triage; critical when nothing is known (the strictest rules).</summary>
    public static Severity SeverityOf(InvestigationRecord record) =>
        record.Triage?.GoverningSeverity() ?? record.PrimaryAlert.SourceSeverity ?? Severity.Critical;

    public static ResponseAction? FindAction(InvestigationRecord record, string actionId) =>
        record.Plan?.Actions.FirstOrDefault(a => string.Equals(a.ActionId, actionId, StringComparison.OrdinalIgnoreCase));

    public static InvestigationRecord Replace(InvestigationRecord record, ResponseAction action, DateTimeOffset at, string stage, string description) =>
        record with
        {
            Plan = record.Plan! with { Actions = [.. record.Plan.Actions.Select(a => a.ActionId == action.ActionId ? action : a)] },
            Timeline = [.. record.Timeline, new Core.Investigation.TimelineEntry(at, stage, description)],
        };

    public static string Describe(ResponseAction action) =>
        $"{action.ActionId} {action.LogicalAction} on {ObservableTypeNames.ToWire(action.Target.Type)} '{action.Target.Value}'";
}
