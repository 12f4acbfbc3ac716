namespace AgenticIR.Core.Response;

/// <summary>Where one dispatch ledger entry stands. The entry is written before the SOAR is called, so a crash between
/// the call and its answer leaves <see cref="Sending"/> behind and the next attempt looks for the run instead of re-sending.</summary>
public enum DispatchLedgerState
{
    /// <summary>About to call (or calling) the SOAR; the platform id is not known yet.</summary>
    Sending,
    /// <summary>The SOAR accepted the run; its id is recorded and it is being tracked.</summary>
    Sent,
    /// <summary>Finished successfully; the recorded execution is final.</summary>
    Succeeded,
    /// <summary>Finished with a failure (or never reached a terminal state in its budget); the recorded execution is final.</summary>
    Failed,
}
