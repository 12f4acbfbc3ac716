using AgenticIR.Core.Retention;

namespace AgenticIR.Storage.Shared;

/// <summary>The order of a retention pass, the same on both back ends: finished investigations in batches (each batch
/// one transaction), then delivered messages, then dead letters, then finished notification deliveries. <c>runSteps</c> runs a kind's steps in one transaction
/// (deleting, or in a dry run counting) and returns each step's row count.</summary>
internal static class RetentionPass
{
    public static async Task<RetentionCounts> RunAsync(RetentionCutoffs cutoffs, bool dryRun,
        Func<IReadOnlyList<RetentionStep>, object, Task<IReadOnlyList<long>>> runSteps)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(runSteps);
        var tally = new RetentionTally();
        if (cutoffs.FinishedInvestigationsBefore is not null)
        {
            var batch = dryRun ? RetentionStatements.Unbounded : RetentionStatements.Batch;
            long removed;
            do
            {
                var counts = await runSteps(RetentionStatements.FinishedInvestigations, RetentionTally.Parameters(cutoffs, batch));
                Add(tally, RetentionStatements.FinishedInvestigations, counts);
                removed = counts[^1];
            }
            while (!dryRun && removed == batch);
        }
        if (cutoffs.DeliveredMessagesBefore is not null)
            Add(tally, RetentionStatements.DeliveredMessages, await runSteps(RetentionStatements.DeliveredMessages, RetentionTally.Parameters(cutoffs, RetentionStatements.Unbounded)));
        if (cutoffs.DeadLettersBefore is not null)
            Add(tally, RetentionStatements.DeadLetters, await runSteps(RetentionStatements.DeadLetters, RetentionTally.Parameters(cutoffs, RetentionStatements.Unbounded)));
        if (cutoffs.FinishedNotificationsBefore is not null)
            Add(tally, RetentionStatements.FinishedNotifications, await runSteps(RetentionStatements.FinishedNotifications, RetentionTally.Parameters(cutoffs, RetentionStatements.Unbounded)));
        return tally.ToCounts();
    }

    private static void Add(RetentionTally tally, IReadOnlyList<RetentionStep> steps, IReadOnlyList<long> counts)
    {
        for (var i = 0; i < steps.Count; i++) tally.Add(steps[i], counts[i]);
    }
}
