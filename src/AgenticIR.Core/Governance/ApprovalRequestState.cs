namespace AgenticIR.Core.Governance;

/// <summary>Where an approval request stands in the timeout machinery.</summary>
public enum ApprovalRequestState
{
    /// <summary>Waiting, with a deadline.</summary>
    Open,
    /// <summary>Waiting without a deadline: its tier was told and nobody else is left to escalate to.</summary>
    Held,
    /// <summary>Answered, timed out or withdrawn.</summary>
    Closed,
}
