using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Worker.Tests.Response;

/// <summary>Approves every planned action, so dispatch paths can be exercised on any sample.</summary>
internal sealed class ApproveAllGate : IActionGate
{
    public Task<ResponsePlan> ApplyAsync(InvestigationRecord investigation, ResponsePlan plan, CancellationToken cancellationToken) =>
        Task.FromResult(plan with { Actions = [.. plan.Actions.Select(a => a with { ApprovalStatus = ApprovalStatus.AutoApproved })] });
}

/// <summary>Records every dispatch and rollback; fails the action ids named in <see cref="FailActions"/>.</summary>
internal sealed class RecordingDispatcher : IActionDispatcher
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Executed { get; } = new();
    public System.Collections.Concurrent.ConcurrentQueue<string> RolledBack { get; } = new();
    public HashSet<string> FailActions { get; } = new(StringComparer.Ordinal);

    public bool CanDispatch(InvestigationRecord investigation) => true;

    public Task<ActionExecution> ExecuteAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken)
    {
        Executed.Enqueue(action.ActionId);
        var failed = FailActions.Contains(action.ActionId);
        return Task.FromResult(new ActionExecution
        {
            Status = failed ? DispatchStatus.Failed : DispatchStatus.Succeeded,
            Platform = "test",
            ExternalId = "run-" + action.ActionId,
            Message = failed ? "asset unreachable" : "ok",
        });
    }

    public Task<ActionExecution> RollbackAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken)
    {
        RolledBack.Enqueue(action.ActionId);
        return Task.FromResult(new ActionExecution { Status = DispatchStatus.Succeeded, Platform = "test", ExternalId = "rb-" + action.ActionId });
    }
}

/// <summary>A guard that allows or holds everything with a chosen control name.</summary>
internal sealed class SwitchGuard : IDispatchGuard
{
    public string? HoldControl { get; set; }
    public int Outcomes { get; private set; }

    public Task<GuardDecision> AcquireAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        Task.FromResult(HoldControl is { } control ? GuardDecision.Hold(control, "held for the test") : GuardDecision.Allow);

    public Task RecordOutcomeAsync(InvestigationRecord investigation, ResponseAction action, ActionExecution execution, CancellationToken cancellationToken)
    {
        Outcomes++;
        return Task.CompletedTask;
    }
}
