using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Puts an investigation's pending actions to approvers: each gets an approval request with a deadline (which
/// the timeout rules watch) and an audit record. Called after anything returns actions to pending (a breaker hold, a
/// failed dispatch).</summary>
public interface IApprovalRequestRecorder
{
    /// <summary>Requests approval for each pending action not yet requested; returns how many were recorded now. Does
    /// nothing in shadow or off mode, where nobody is asked; an action already requested is left alone.</summary>
    Task<int> RecordAsync(InvestigationRecord investigation, CancellationToken cancellationToken);
}
