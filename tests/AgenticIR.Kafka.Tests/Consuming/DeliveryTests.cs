using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;
using Confluent.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>Each produced alert reaches intake once, and a partition's offset is committed only past alerts whose intake
/// is saved, so a consumer that stops and starts again, or a group reset to an earlier offset, loses and repeats nothing.</summary>
public sealed class DeliveryTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string Alert = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"));

    [Fact]
    public async Task Consume_AlertsOnThreePartitions_EachTakenOnceAndCommittedPastIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("delivery", 3);
        var group = "g-" + topic;
        var produced = new List<TopicPartitionOffset>();
        for (var i = 0; i < 6; i++) produced.Add(await kafka.ProduceAsync(topic, i % 3, Alert, ct));
        var intake = new LedgerIntake();

        await using (var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, group), intake, ct))
        {
            await intake.WaitForLedgerAsync(6, ct);
            await LedgerIntake.Until(() => kafka.CommittedOffsets(group, topic, 3).Values.All(o => o == 2), "offsets committed", ct);
        }

        Assert.Equal(produced.Select(p => $"kafka:{topic}:{p.Partition.Value}:{p.Offset.Value}").Order(), intake.Calls.Select(c => c.InputKey).Order());
        Assert.All(intake.Calls, c => Assert.False(c.AlreadyRecorded));
        Assert.All(intake.Calls, c => Assert.True(c.Normalized.Succeeded, c.Normalized.Error));
    }

    [Fact]
    public async Task Commit_IntakeNotYetSaved_OffsetStaysBelowIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("held", 1);
        var group = "g-" + topic;
        for (var i = 0; i < 3; i++) await kafka.ProduceAsync(topic, 0, Alert, ct);
        var intake = new LedgerIntake();
        var heldStarted = intake.Hold($"kafka:{topic}:0:1");

        await using var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, group), intake, ct);
        await heldStarted;
        await LedgerIntake.Until(() => kafka.CommittedOffsets(group, topic, 1)[0] == 1, "offset 0 committed", ct);
        // All three read and a commit round since: the consumer reports where it would resume.
        var read = TimeProvider.System.GetUtcNow();
        await LedgerIntake.Until(() => consumer.Status.Read == 3 && consumer.Status.Lag is { } lag && lag.TakenAt > read, "a lag report after all reads", ct);

        // Offset 1 is still in intake: nothing at or past it is committed while it is, whether offset 2 has finished or not.
        Assert.Equal(1, consumer.Status.Lag!.Partitions.Single().Position);
        Assert.Equal(1, kafka.CommittedOffsets(group, topic, 1)[0]);
        intake.Release($"kafka:{topic}:0:1");
        await intake.WaitForLedgerAsync(3, ct);
        await LedgerIntake.Until(() => kafka.CommittedOffsets(group, topic, 1)[0] == 3, "all offsets committed", ct);
    }

    [Fact]
    public async Task Restart_AfterStop_ResumesAtTheCommittedOffsetWithoutLossOrRepeat()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("restart", 2);
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic);
        var intake = new LedgerIntake();
        for (var i = 0; i < 4; i++) await kafka.ProduceAsync(topic, i % 2, Alert, ct);

        await using (var first = await ConsumerHarness.StartAsync(options, intake, ct))
        {
            await intake.WaitForLedgerAsync(4, ct);
        }
        for (var i = 0; i < 4; i++) await kafka.ProduceAsync(topic, i % 2, Alert, ct);
        await using (var second = await ConsumerHarness.StartAsync(options, intake, ct))
        {
            await intake.WaitForLedgerAsync(8, ct);
            Assert.Equal(4, second.Status.Taken);
        }

        Assert.Equal(8, intake.Calls.Count);
        Assert.All(intake.Calls, c => Assert.False(c.AlreadyRecorded, c.InputKey));
        Assert.Equal(8, intake.Calls.Select(c => c.InputKey).Distinct().Count());
    }

    [Fact]
    public async Task Redelivery_GroupResetToEarlierOffset_RecognisedByTheLedgerAndTakenOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("reset", 1);
        var group = "g-" + topic;
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, group);
        var intake = new LedgerIntake();
        for (var i = 0; i < 3; i++) await kafka.ProduceAsync(topic, 0, Alert, ct);
        await using (var first = await ConsumerHarness.StartAsync(options, intake, ct))
        {
            await intake.WaitForLedgerAsync(3, ct);
            await LedgerIntake.Until(() => kafka.CommittedOffsets(group, topic, 1)[0] == 3, "offsets committed", ct);
        }

        kafka.CommitOffsets(group, [new TopicPartitionOffset(topic, 0, 0)]);
        await using (var second = await ConsumerHarness.StartAsync(options, intake, ct))
        {
            await intake.WaitForCallsAsync(6, ct);
            Assert.Equal(3, second.Status.Redelivered);
            Assert.Equal(0, second.Status.Taken);
        }

        Assert.Equal(3, intake.Ledger.Count);
        Assert.Equal(3, intake.Calls.Count(c => !c.AlreadyRecorded));
        Assert.Equal(intake.Calls.Where(c => !c.AlreadyRecorded).Select(c => c.InputKey).Order(), intake.Calls.Where(c => c.AlreadyRecorded).Select(c => c.InputKey).Order());
    }

    [Fact]
    public async Task Consume_SameValueAtTwoOffsets_TwoInputs()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("twins", 1);
        var intake = new LedgerIntake();
        await kafka.ProduceAsync(topic, 0, Alert, ct);
        await kafka.ProduceAsync(topic, 0, Alert, ct);

        await using (var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic), intake, ct))
        {
            await intake.WaitForLedgerAsync(2, ct);
        }

        Assert.Equal([$"kafka:{topic}:0:0", $"kafka:{topic}:0:1"], intake.Ledger.Keys.Order());
    }
}
