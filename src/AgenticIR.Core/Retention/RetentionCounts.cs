namespace AgenticIR.Core.Retention;

/// <summary>Rows a retention pass removed (or, in a dry run, would remove), per table.</summary>
public sealed record RetentionCounts(long Investigations, long StageEvents, long Intake, long Messages, long DeadLetters, long Notifications = 0)
{
    /// <summary>Nothing removed.</summary>
    public static RetentionCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two passes.</summary>
    public RetentionCounts Add(RetentionCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Investigations + other.Investigations, StageEvents + other.StageEvents, Intake + other.Intake,
            Messages + other.Messages, DeadLetters + other.DeadLetters, Notifications + other.Notifications);
    }
}
