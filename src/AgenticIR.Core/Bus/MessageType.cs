namespace AgenticIR.Core.Bus;

/// <summary>Typed messages on the agent bus.</summary>
public enum MessageType
{
    /// <summary>Triage finished.</summary>
    TriageComplete,
    /// <summary>Investigation finished.</summary>
    InvestigationComplete,
    /// <summary>Plan ready.</summary>
    PlanReady,
    /// <summary>An action needs a human.</summary>
    ApprovalRequired,
    /// <summary>An action ran.</summary>
    ActionExecuted,
    /// <summary>Report written.</summary>
    DocumentationReady,
    /// <summary>Learning produced an insight.</summary>
    LearningInsight,
    /// <summary>A breaker tripped.</summary>
    CircuitBreaker,
    /// <summary>The real outcome (the analyst's or the SOAR's final severity, disposition and actions) was recorded and
    /// learning reviewed the investigation again against it.</summary>
    OutcomeRecorded,
    /// <summary>The investigation changed in a way no other message names (a merged duplicate, a stage move, an approval
    /// answered, timed out or handed over): saved so every change of an investigation leaves the store through the outbox.</summary>
    InvestigationUpdated,
    /// <summary>A stage threw: it was dead-lettered and the investigation stays at the stage it was leaving (see
    /// <see cref="StageFailure"/>).</summary>
    StageFailed,
}
