namespace AgenticIR.Soar.SplunkSoar.Approvals;

/// <summary>What one pass over an instance's comments did.</summary>
/// <param name="Investigations">Investigations with at least one accepted answer (their notes need rewriting and they may continue).</param>
/// <param name="CommandsProcessed">Approval commands answered (accepted or refused).</param>
internal sealed record ApprovalPassResult(IReadOnlyList<string> Investigations, int CommandsProcessed);
