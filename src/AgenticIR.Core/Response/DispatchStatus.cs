namespace AgenticIR.Core.Response;

/// <summary>Where the execution of an approved action stands.</summary>
public enum DispatchStatus
{
    /// <summary>Sent to the SOAR; not yet finished.</summary>
    Running,
    /// <summary>Finished successfully on every target.</summary>
    Succeeded,
    /// <summary>Finished with a failure on at least one target, or refused by the SOAR.</summary>
    Failed,
    /// <summary>Not sent: held by a kill switch, a circuit breaker or a protected target.</summary>
    Held,
    /// <summary>Executed, then undone by its rollback action.</summary>
    RolledBack,
    /// <summary>Handed to the SOAR, where its own approvers (Splunk SOAR asset approvers) decide; the action stays
    /// pending here until the SOAR reports their answer and the run's outcome.</summary>
    AwaitingSoarApproval,
}
