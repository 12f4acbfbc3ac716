namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>What completing a playbook task did.</summary>
internal enum XsoarTaskCompletion
{
    /// <summary>This call completed the task.</summary>
    Completed,

    /// <summary>The task was already completed (XSOAR answers 400 "Task is completed already"): nothing changed.</summary>
    AlreadyCompleted,
}
