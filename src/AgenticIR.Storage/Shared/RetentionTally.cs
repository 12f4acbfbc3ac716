using AgenticIR.Core.Retention;

namespace AgenticIR.Storage.Shared;

/// <summary>Adds up what the steps of a retention pass removed.</summary>
internal sealed class RetentionTally
{
    private readonly long[] _counts = new long[Enum.GetValues<RetentionTable>().Length];

    public void Add(RetentionStep step, long rows)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.CountedAs is { } table) _counts[(int)table] += rows;
    }

    public RetentionCounts ToCounts() => new(
        _counts[(int)RetentionTable.Investigations], _counts[(int)RetentionTable.StageEvents], _counts[(int)RetentionTable.Intake],
        _counts[(int)RetentionTable.Messages], _counts[(int)RetentionTable.DeadLetters], _counts[(int)RetentionTable.Notifications]);

    /// <summary>The parameters every step may use; a kind left out gets a cutoff no timestamp is below.</summary>
    public static object Parameters(RetentionCutoffs cutoffs, long batch)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        return new
        {
            finishedBefore = Cutoff(cutoffs.FinishedInvestigationsBefore),
            messagesBefore = Cutoff(cutoffs.DeliveredMessagesBefore),
            deadLettersBefore = Cutoff(cutoffs.DeadLettersBefore),
            notificationsBefore = Cutoff(cutoffs.FinishedNotificationsBefore),
            batch,
        };
    }

    private static string Cutoff(DateTimeOffset? value) => value is { } v ? StoreText.Timestamp(v) : "";
}
