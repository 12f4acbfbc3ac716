namespace AgenticIR.Core.Response;

/// <summary>The policy's approval gate for a logical action.</summary>
public enum ApprovalClass
{
    /// <summary>Runs without a human in autonomous mode.</summary>
    AutoApprove,
    /// <summary>Needs an analyst.</summary>
    RequireApproval,
    /// <summary>Needs a senior approver.</summary>
    RequireSeniorApproval,
}
