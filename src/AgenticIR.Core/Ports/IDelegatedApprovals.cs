using AgenticIR.Core.Governance;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>The life of actions a SOAR bridge hands to the SOAR's own approvers (see <see cref="DelegationEligibility"/>
/// for which may go): the hand-over, an action kept with the worker's approvers and why, and the SOAR's answer with the
/// run's outcome. Each step is saved on the plan and audited; the investigation continues once the answer arrives.</summary>
public interface IDelegatedApprovals
{
    /// <summary>The worker's approval request for the action (null when there is none).</summary>
    Task<ApprovalRequest?> RequestOfAsync(string investigationId, string actionId, CancellationToken cancellationToken);

    /// <summary>Asks the dispatch guard (kill switches, breakers, budgets) whether the action may be handed over now;
    /// a refusal is the guard's own hold, audited and notified by it.</summary>
    Task<GuardDecision> AcquireAsync(InvestigationRecord record, ResponseAction action, CancellationToken cancellationToken);

    /// <summary>Saves the hand-over: the action stays pending here with the SOAR's run attached; false when the action
    /// is no longer delegatable.</summary>
    Task<bool> RecordHandOverAsync(string investigationId, string actionId, ActionExecution execution, string approvers, CancellationToken cancellationToken);

    /// <summary>Keeps an action with the worker's approvers for good (answered by comment or CLI), saying why once;
    /// false when the action is no longer delegatable.</summary>
    Task<bool> KeepHereAsync(string investigationId, string actionId, string reason, CancellationToken cancellationToken);

    /// <summary>Applies the SOAR's answer and the run's outcome, audits both, and continues the investigation; false
    /// when the action is no longer with the SOAR's approvers.</summary>
    Task<bool> ResolveAsync(string investigationId, string actionId, DelegatedAnswer answer, CancellationToken cancellationToken);
}
