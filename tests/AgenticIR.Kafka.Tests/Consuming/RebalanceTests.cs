using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>Workers of one group share the partitions: one joining takes some over, and across the hand-over every
/// message is taken exactly once (a message read twice around the rebalance is recognised by the shared ledger).</summary>
public sealed class RebalanceTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string Alert = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"));

    [Fact]
    public async Task Rebalance_SecondWorkerJoinsMidStream_TakesPartitionsAndNothingIsLostOrTakenTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        const int partitions = 4;
        var topic = kafka.CreateTopic("rebalance", partitions);
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic);
        var ledger = new LedgerIntake();
        for (var i = 0; i < 12; i++) await kafka.ProduceAsync(topic, i % partitions, Alert, ct);

        await using var first = await ConsumerHarness.StartAsync(options, ledger, ct);
        await ledger.WaitForLedgerAsync(4, ct);
        await using var second = await ConsumerHarness.StartAsync(options, ledger, ct);
        // The joiner is in once it reports partitions of its own.
        await LedgerIntake.Until(() => second.Status.Lag is { Partitions.Count: > 0 }, "the second worker's assignment", ct);
        for (var i = 0; i < 12; i++) await kafka.ProduceAsync(topic, i % partitions, Alert, ct);
        await ledger.WaitForLedgerAsync(24, ct);
        await LedgerIntake.Until(() => first.Status.Lag is { } a && second.Status.Lag is { } b && a.Partitions.Count + b.Partitions.Count == partitions
            && a.TotalLag + b.TotalLag == 0, "both workers caught up", ct);

        var firstPartitions = first.Status.Lag!.Partitions.Select(p => p.Partition).ToHashSet();
        var secondPartitions = second.Status.Lag!.Partitions.Select(p => p.Partition).ToHashSet();
        Assert.NotEmpty(firstPartitions);
        Assert.NotEmpty(secondPartitions);
        Assert.Empty(firstPartitions.Intersect(secondPartitions));
        Assert.True(second.Status.Taken > 0);
        Assert.Equal(24, ledger.Ledger.Count);
        Assert.Equal(24, ledger.Calls.Count(c => !c.AlreadyRecorded));
        Assert.Equal(24, first.Status.Taken + second.Status.Taken);
    }

    [Fact]
    public async Task Rebalance_WorkerLeaves_RemainingWorkerTakesOverFromTheCommittedOffsets()
    {
        var ct = TestContext.Current.CancellationToken;
        const int partitions = 2;
        var topic = kafka.CreateTopic("leave", partitions);
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic);
        var ledger = new LedgerIntake();

        await using var stays = await ConsumerHarness.StartAsync(options, ledger, ct);
        var leaves = await ConsumerHarness.StartAsync(options, ledger, ct);
        await LedgerIntake.Until(() => stays.Status.Lag is { Partitions.Count: 1 } && leaves.Status.Lag is { Partitions.Count: 1 }, "one partition each", ct);
        for (var i = 0; i < 6; i++) await kafka.ProduceAsync(topic, i % partitions, Alert, ct);
        await ledger.WaitForLedgerAsync(6, ct);
        await leaves.DisposeAsync();
        for (var i = 0; i < 6; i++) await kafka.ProduceAsync(topic, i % partitions, Alert, ct);
        await ledger.WaitForLedgerAsync(12, ct);

        Assert.Equal(12, ledger.Calls.Count(c => !c.AlreadyRecorded));
        Assert.Equal(partitions, stays.Status.Lag!.Partitions.Count);
    }

    [Fact]
    public async Task Commit_RefusedAsTheGroupRebalances_ToleratedAndTheLedgerDropsWhatIsReadAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("refused", 2);
        var group = "g-" + topic;
        for (var i = 0; i < 6; i++) await kafka.ProduceAsync(topic, i % 2, Alert, ct);
        var ledger = new LedgerIntake();
        kafka.FailNextCommits(3, Confluent.Kafka.ErrorCode.RebalanceInProgress);

        await using (var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, group), ledger, ct))
        {
            await ledger.WaitForLedgerAsync(6, ct);
            await LedgerIntake.Until(() => kafka.CommittedOffsets(group, topic, 2).Values.All(o => o == 3), "offsets committed in the end", ct);
            Assert.True(consumer.Status.CommitsDeferred > 0);
        }

        Assert.Equal(6, ledger.Ledger.Count);
        Assert.Equal(6, ledger.Calls.Count(c => !c.AlreadyRecorded));
    }
}
