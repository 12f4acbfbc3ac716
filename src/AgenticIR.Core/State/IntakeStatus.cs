namespace AgenticIR.Core.State;

/// <summary>What became of one input.</summary>
public enum IntakeStatus
{
    /// <summary>Opened or continued its own investigation.</summary>
    Processed,
    /// <summary>Joined an active investigation.</summary>
    Merged,
    /// <summary>Rejected with a reason.</summary>
    DeadLettered,
}
