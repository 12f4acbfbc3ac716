namespace AgenticIR.Core.Investigation;

/// <summary>Why the investigation loop ended.</summary>
public enum StopReason
{
    /// <summary>Confidence reached the threshold.</summary>
    ConfidenceReached,
    /// <summary>Nothing left worth querying.</summary>
    NothingToPivot,
    /// <summary>Step budget.</summary>
    StepBudget,
    /// <summary>Time budget.</summary>
    TimeBudget,
    /// <summary>API-call budget.</summary>
    ApiBudget,
}
