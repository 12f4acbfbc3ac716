namespace AgenticIR.Storage.Shared;

/// <summary>The columns of a retention report.</summary>
internal enum RetentionTable
{
    Investigations,
    StageEvents,
    Intake,
    Messages,
    DeadLetters,
    Notifications,
}
