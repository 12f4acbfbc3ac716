namespace AgenticIR.Core.Response;

/// <summary>Where an action stands with its approval gate.</summary>
public enum ApprovalStatus
{
    /// <summary>Approved by policy.</summary>
    AutoApproved,
    /// <summary>Waiting for a human.</summary>
    Pending,
    /// <summary>Approved by a human.</summary>
    Approved,
    /// <summary>Denied by a human.</summary>
    Denied,
    /// <summary>Nobody answered in time.</summary>
    TimedOut,
}
