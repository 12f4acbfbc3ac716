using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>A dispatch guard that allows every action (the guard's own rules are tested with the governance project).</summary>
internal sealed class AllowAllGuard : IDispatchGuard
{
    public Task<GuardDecision> AcquireAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
        Task.FromResult(GuardDecision.Allow);

    public Task RecordOutcomeAsync(InvestigationRecord investigation, ResponseAction action, ActionExecution execution, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
