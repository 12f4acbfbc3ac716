using AgenticIR.Core.Response;

namespace AgenticIR.Core.Governance;

/// <summary>What a SOAR reported about an action its own approvers held.</summary>
/// <param name="Decision">Approved, Denied or TimedOut (the SOAR's approval expired).</param>
/// <param name="Approver">Who answered in the SOAR (a user name), or the SOAR itself for an expiry.</param>
/// <param name="Reason">The SOAR's message, when it gave one.</param>
/// <param name="Execution">The run's outcome once approved and finished; null when it never ran.</param>
public sealed record DelegatedAnswer(ApprovalStatus Decision, string Approver, string? Reason, ActionExecution? Execution);
