namespace AgenticIR.Core.Governance;

/// <summary>An answer to one pending action.</summary>
/// <param name="InvestigationId">Investigation holding the plan.</param>
/// <param name="ActionId">Action id within the plan, e.g. <c>A2</c>.</param>
/// <param name="Approve">True to approve, false to deny.</param>
/// <param name="Approver">Verified identity of whoever answered.</param>
/// <param name="Reason">Reason (required to deny).</param>
public sealed record ApprovalCommand(string InvestigationId, string ActionId, bool Approve, ApproverIdentity Approver, string? Reason);
