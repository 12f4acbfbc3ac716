using AgenticIR.Kafka.Consuming;
using Confluent.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>The commit point of a partition never passes a message whose intake is not saved, however the lanes finish.</summary>
public sealed class PartitionProgressTests
{
    private static PartitionProgress Progress(params long[] read)
    {
        var progress = new PartitionProgress(new TopicPartition("alerts", 0));
        foreach (var offset in read) progress.Read(offset);
        return progress;
    }

    private static void Run(PartitionProgress progress, long offset, bool saved = true)
    {
        Assert.True(progress.TryStart());
        progress.Finish(offset, saved);
    }

    [Fact]
    public void Committable_FinishedOutOfOrder_StopsAtTheLowestUnfinished()
    {
        var progress = Progress(5, 6, 7);

        Run(progress, 7);
        Run(progress, 6);
        Assert.Equal(5, progress.Committable);

        Run(progress, 5);
        Assert.Equal(8, progress.Committable);
    }

    [Fact]
    public void Committable_IntakeNotSaved_OffsetStaysUnfinished()
    {
        var progress = Progress(0, 1);
        Run(progress, 0);
        Run(progress, 1, saved: false);

        Assert.Equal(1, progress.Committable);
        Assert.Equal(1, progress.Unfinished);
    }

    [Fact]
    public void Committable_AlreadyCommitted_NothingToCommit()
    {
        var progress = Progress(0);
        Run(progress, 0);
        progress.MarkCommitted(1);

        Assert.Null(progress.Committable);
        Assert.Equal(1, progress.Position);
    }

    [Fact]
    public void TryStart_Revoked_LeavesTheMessageForTheNextOwner()
    {
        var progress = Progress(0);
        progress.Revoke();

        Assert.False(progress.TryStart());
        Assert.Equal(0, progress.Committable);
    }

    [Fact]
    public async Task WaitIdle_MessageRunning_WaitsUntilItFinishesOrTheTimeout()
    {
        var progress = Progress(0);
        Assert.True(progress.TryStart());

        Assert.False(progress.WaitIdle(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        var waiting = Task.Run(() => progress.WaitIdle(TimeSpan.FromSeconds(30), TimeProvider.System), TestContext.Current.CancellationToken);
        progress.Finish(0, saved: true);
        Assert.True(await waiting);
    }
}
