namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>How one cycle of an XSOAR bridge ended.</summary>
internal enum XsoarCycleStatus
{
    /// <summary>The intake pass ran to its end.</summary>
    Completed,

    /// <summary>Another worker holds the instance's lease: nothing was asked of XSOAR.</summary>
    NotLeased,

    /// <summary>XSOAR could not be reached or answered an error; the next cycle resumes from the stored cursor.</summary>
    Unavailable,

    /// <summary>XSOAR refused the API key: this instance's bridge is stopped until the worker restarts.</summary>
    Stopped,
}
