using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Runs approved actions through the SOAR's own integrations (connectors/ bindings). Implementations keep a
/// dispatch ledger keyed on (container, logical action, parameters), so a retried call never dispatches twice.</summary>
public interface IActionDispatcher
{
    /// <summary>True when this dispatcher can run actions for the investigation (e.g. it came from a SOAR container).</summary>
    bool CanDispatch(InvestigationRecord investigation);

    /// <summary>Dispatches one approved action and tracks it to a terminal state.</summary>
    Task<ActionExecution> ExecuteAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken);

    /// <summary>Runs the rollback of an action that executed.</summary>
    Task<ActionExecution> RollbackAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken);
}
