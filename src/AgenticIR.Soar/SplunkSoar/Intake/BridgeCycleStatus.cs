namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>How a bridge cycle ended.</summary>
internal enum BridgeCycleStatus
{
    /// <summary>Every step ran.</summary>
    Completed,
    /// <summary>The SOAR was unreachable; the cycle stopped where it was and the next one resumes from the same point.</summary>
    Unavailable,
    /// <summary>The SOAR refused our credentials; the instance's bridge is stopped.</summary>
    Stopped,
    /// <summary>Another worker holds the instance's lease (or took it during the cycle): this worker left the instance
    /// to it and tries again next interval.</summary>
    NotLeased,
}
