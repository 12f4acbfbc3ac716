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
}
