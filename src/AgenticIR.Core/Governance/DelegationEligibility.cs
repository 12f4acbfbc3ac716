using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Governance;

/// <summary>Which pending actions may be handed to the SOAR's own approvers. The SOAR decides who approves on an asset
/// and cannot check the policy's tiers, so only actions any approver may answer go: not a senior gate, not one a timeout
/// escalated to a higher tier, not one a control already handed back (a breaker, a kill switch), never in shadow mode.</summary>
public static class DelegationEligibility
{
    /// <summary>Null when the action may be handed over; otherwise why it stays with the worker's approvers.</summary>
    public static string? ReasonToKeep(InvestigationRecord record, ResponseAction action, ApprovalRequest? request)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(action);
        if (action.ApprovalStatus != ApprovalStatus.Pending) return "it is not pending";
        if (action.Execution is not null) return action.Execution.Status == DispatchStatus.AwaitingSoarApproval
            ? "it is already with the SOAR's approvers"
            : $"it was {ReportFormat.Wire(action.Execution.Status)}: {action.Execution.Message}";
        if (record.Mode is not (PlaybookMode.Assisted or PlaybookMode.Autonomous))
            return $"the investigation runs in {record.Mode.ToWire()} mode";
        if (action.ApprovalClass == ApprovalClass.RequireSeniorApproval)
            return "its gate is require_senior_approval, which the SOAR's asset approvers cannot be checked against";
        if (request is { EscalationLevel: > 0 })
            return "a timeout escalated it to a higher approver tier";
        return null;
    }

    /// <summary>True while the action is pending here and nothing was sent or decided for it yet.</summary>
    public static bool IsDelegatable(ResponseAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.ApprovalStatus == ApprovalStatus.Pending && action.Execution is null;
    }

    /// <summary>True while the SOAR's approvers hold the action.</summary>
    public static bool IsDelegated(ResponseAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.ApprovalStatus == ApprovalStatus.Pending && action.Execution?.Status == DispatchStatus.AwaitingSoarApproval;
    }
}
