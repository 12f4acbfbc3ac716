namespace AgenticIR.Core.Soar;

/// <summary>Where a SOAR instance's pending actions are answered (<c>approvals</c> in <c>config/soar.yaml</c>).</summary>
public enum SoarApprovalChannel
{
    /// <summary>Held by the worker and answered by <c>/approve</c> or <c>/deny</c> container comments (or the CLI),
    /// checked against the policy's approver tiers.</summary>
    Comments,

    /// <summary>Handed to Splunk SOAR, whose asset approvers answer in its approval queue; actions whose gate or
    /// escalation needs a specific tier, and assets without approvers, stay with the worker.</summary>
    AssetApprovers,
}
