using AgenticIR.Core.Governance;

namespace AgenticIR.Core.Ports;

/// <summary>Takes answers to pending actions from any channel (SOAR comments, the CLI), checks the approver's tier
/// against the action's gate, records the answer (audited, refused answers too) and lets the investigation continue.</summary>
public interface IApprovalService
{
    /// <summary>Applies one answer.</summary>
    Task<ApprovalOutcome> AnswerAsync(ApprovalCommand command, CancellationToken cancellationToken);
}
