namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>Something in XSOAR that may answer a pending action: a war-room entry, or the completion of a manual task.</summary>
/// <param name="ItemKey">Its key in the comment ledger (entry number, or task completion hash).</param>
/// <param name="Source">What it is, for the audit trail, e.g. <c>entry 5@1234</c> or <c>task 3 (Approve containment)</c>.</param>
/// <param name="Author">The XSOAR user who wrote or completed it, as XSOAR reports it.</param>
/// <param name="Text">The text read as a command.</param>
/// <param name="WrittenAt">When it was written or completed.</param>
/// <param name="Edited">True when the entry's text was changed after it was written.</param>
internal sealed record XsoarApprovalCandidate(long ItemKey, string Source, string? Author, string Text, DateTimeOffset? WrittenAt, bool Edited);
