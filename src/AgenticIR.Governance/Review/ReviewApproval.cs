namespace AgenticIR.Governance.Review;

/// <summary>How an action came to be approved.</summary>
/// <param name="Mode"><c>auto</c> (the policy's gate), <c>timeout_rule</c> (the policy's timeout behaviour) or <c>human</c>.</param>
/// <param name="Approver">Who answered; <c>policy</c> for automatic approvals.</param>
/// <param name="Tier">Approver tier that answered; empty for automatic approvals.</param>
/// <param name="Channel">Where it was answered (<c>splunk_soar</c>, <c>cli</c>, <c>timeout</c>); empty for automatic approvals.</param>
/// <param name="LatencySeconds">From the plan to the answer; null for automatic approvals or when the plan time is unknown.</param>
public sealed record ReviewApproval(string Mode, string Approver, string Tier, string Channel, double? LatencySeconds);
