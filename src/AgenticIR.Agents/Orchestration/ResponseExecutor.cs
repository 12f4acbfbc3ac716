using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Dispatches a plan's approved actions in plan order through the dispatcher that serves the investigation's
/// source, asking the dispatch guard before each one. A failure rolls back the reversible actions already executed and
/// returns the rest of the plan to a human.</summary>
public sealed class ResponseExecutor(IEnumerable<IActionDispatcher> dispatchers, IDispatchGuard guard, TimeProvider time)
{
    private readonly IActionDispatcher[] _dispatchers = [.. dispatchers];
    /// <summary>The dispatcher for the investigation's source, or null when none can act on it (e.g. a replayed file).</summary>
    public IActionDispatcher? DispatcherFor(InvestigationRecord record) => _dispatchers.FirstOrDefault(d => d.CanDispatch(record));

    /// <summary>Runs every ready action. <paramref name="checkpoint"/> saves the record after each action so a crash
    /// never forgets an execution (the dispatcher's ledger also refuses to send one twice).</summary>
    public async Task<InvestigationRecord> RunAsync(
        InvestigationRecord record, IActionDispatcher dispatcher,
        Func<InvestigationRecord, ActionExecution, CancellationToken, Task<InvestigationRecord>> checkpoint,
        CancellationToken cancellationToken)
    {
        var current = record;
        foreach (var actionId in ReadyActionIds(current))
        {
            var action = Find(current, actionId);
            if (!action.IsReadyToDispatch) continue;
            var decision = await guard.AcquireAsync(current, action, cancellationToken);
            if (!decision.Allowed)
            {
                current = Hold(current, action, decision);
                continue;
            }

            var execution = await dispatcher.ExecuteAsync(current, action, cancellationToken);
            await guard.RecordOutcomeAsync(current, action, execution, cancellationToken);
            current = await checkpoint(Replace(current, action with { Execution = execution },
                $"{action.ActionId} {action.LogicalAction} on {action.Target.Value}: {Describe(execution)}"), execution, cancellationToken);
            if (execution.Status == DispatchStatus.Failed)
                return await RollBackAsync(current, action, dispatcher, checkpoint, cancellationToken);
        }
        return current;
    }

    /// <summary>True when a human must act before the response can finish (pending, or held for later).</summary>
    public static bool IsWaiting(ResponsePlan plan) => plan.Actions.Any(a =>
        a.ApprovalStatus == ApprovalStatus.Pending || (a.IsReadyToDispatch && a.Execution?.Status == DispatchStatus.Held));

    private async Task<InvestigationRecord> RollBackAsync(
        InvestigationRecord record, ResponseAction failed, IActionDispatcher dispatcher,
        Func<InvestigationRecord, ActionExecution, CancellationToken, Task<InvestigationRecord>> checkpoint,
        CancellationToken cancellationToken)
    {
        var current = record;
        var executed = current.Plan!.Actions
            .Where(a => a.Execution?.Status == DispatchStatus.Succeeded && a.Reversible && a.RollbackAction is not null)
            .OrderByDescending(a => a.Priority).Select(a => a.ActionId).ToList();
        foreach (var actionId in executed)
        {
            var action = Find(current, actionId);
            var rollback = await dispatcher.RollbackAsync(current, action, cancellationToken);
            var status = rollback.Status == DispatchStatus.Succeeded ? DispatchStatus.RolledBack : DispatchStatus.Succeeded;
            current = await checkpoint(Replace(current, action with { Execution = action.Execution! with { Status = status, Rollback = rollback } },
                $"{action.ActionId} rolled back with {action.RollbackAction} after {failed.ActionId} failed: {Describe(rollback)}"), rollback, cancellationToken);
        }
        // The rest of the plan rested on the failed step: a human decides whether it still makes sense.
        foreach (var pending in current.Plan!.Actions.Where(a => a.IsReadyToDispatch).Select(a => a.ActionId).ToList())
        {
            var action = Find(current, pending);
            current = Replace(current, action with { ApprovalStatus = ApprovalStatus.Pending, Answer = null, Execution = null },
                $"{action.ActionId} returned for approval: {failed.ActionId} {failed.LogicalAction} failed");
        }
        return current;
    }

    private InvestigationRecord Hold(InvestigationRecord record, ResponseAction action, GuardDecision decision)
    {
        // A kill switch pauses: the approval stands and the action runs once the switch is released. Any other control
        // (a breaker, a protected target, a missing guard) hands the action back to a human.
        var resumable = decision.Control.StartsWith("kill_switch", StringComparison.Ordinal);
        var held = new ActionExecution { Status = DispatchStatus.Held, Platform = "", Message = decision.Reason };
        var next = resumable
            ? action with { Execution = held }
            : action with { ApprovalStatus = ApprovalStatus.Pending, Answer = null, Execution = held };
        return Replace(record, next, $"{action.ActionId} {action.LogicalAction} held by {decision.Control}: {decision.Reason}");
    }

    private static List<string> ReadyActionIds(InvestigationRecord record) =>
        record.Plan!.Actions.Where(a => a.IsReadyToDispatch).OrderBy(a => a.Priority).Select(a => a.ActionId).ToList();

    private static ResponseAction Find(InvestigationRecord record, string actionId) =>
        record.Plan!.Actions.First(a => a.ActionId == actionId);

    private InvestigationRecord Replace(InvestigationRecord record, ResponseAction action, string timeline) => record with
    {
        Plan = record.Plan! with { Actions = [.. record.Plan.Actions.Select(a => a.ActionId == action.ActionId ? action : a)] },
        Timeline = [.. record.Timeline, new Core.Investigation.TimelineEntry(time.GetUtcNow(), "response", timeline)],
        UpdatedAt = time.GetUtcNow(),
    };

    private static string Describe(ActionExecution execution) => execution.Status switch
    {
        DispatchStatus.Succeeded => $"succeeded ({execution.Platform} run {execution.ExternalId})",
        DispatchStatus.Failed => $"failed ({execution.Message})",
        _ => $"{execution.Status.ToString().ToLowerInvariant()} ({execution.Message})",
    };
}
