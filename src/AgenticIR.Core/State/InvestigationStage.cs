namespace AgenticIR.Core.State;

/// <summary>Stages of the investigation state machine (DESIGN "Data flow").</summary>
public enum InvestigationStage
{
    /// <summary>Alert accepted, not yet triaged.</summary>
    Received,
    /// <summary>Triage done.</summary>
    Triaged,
    /// <summary>Investigation loop running.</summary>
    Investigating,
    /// <summary>Investigation done.</summary>
    Investigated,
    /// <summary>Response plan built.</summary>
    Planned,
    /// <summary>Some action waits for a human.</summary>
    AwaitingApproval,
    /// <summary>Approved actions being dispatched.</summary>
    Responding,
    /// <summary>Dispatch finished (or nothing to dispatch).</summary>
    Responded,
    /// <summary>Final report and feedback written.</summary>
    Documented,
    /// <summary>Closed.</summary>
    Closed,
}
