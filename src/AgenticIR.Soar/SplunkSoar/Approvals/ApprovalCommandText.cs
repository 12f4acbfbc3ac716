namespace AgenticIR.Soar.SplunkSoar.Approvals;

/// <summary>An approval command read from the first line of a comment.</summary>
/// <param name="Approve">True for <c>/approve</c>, false for <c>/deny</c>.</param>
/// <param name="ActionId">Action id as written, e.g. <c>A2</c>; empty when missing.</param>
/// <param name="Reason">Text after the action id (required to deny).</param>
/// <param name="Error">Why the command cannot be applied as written (told to the commenter), or null.</param>
internal sealed record ApprovalCommandText(bool Approve, string ActionId, string? Reason, string? Error);
