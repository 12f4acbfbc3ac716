using AgenticIR.Core.Governance;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Checked immediately before every dispatch, including of actions approved long before: kill switches,
/// circuit breakers and protected targets. An allowed action is counted against the breakers at once.</summary>
public interface IDispatchGuard
{
    /// <summary>Decides whether the action may be dispatched now, and reserves it against the limits when it may.</summary>
    Task<GuardDecision> AcquireAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken);

    /// <summary>Reports how a dispatched action ended (feeds the consecutive-failure and rate triggers).</summary>
    Task RecordOutcomeAsync(InvestigationRecord investigation, ResponseAction action, ActionExecution execution, CancellationToken cancellationToken);
}
