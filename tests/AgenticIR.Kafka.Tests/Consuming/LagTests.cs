using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>Consumer lag is reported per partition: messages in Kafka not yet finished by this worker.</summary>
public sealed class LagTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string Alert = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"));

    [Fact]
    public async Task Lag_IntakeHeldOnOnePartition_ReportedForThatPartitionUntilItCatchesUp()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("lag", 2);
        for (var i = 0; i < 4; i++) await kafka.ProduceAsync(topic, 0, Alert, ct);
        await kafka.ProduceAsync(topic, 1, Alert, ct);
        var intake = new LedgerIntake();
        var held = intake.Hold($"kafka:{topic}:0:0");

        await using var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic), intake, ct);
        await held;
        // Partition 1's message may wait behind the held one on its lane, or not: only partition 0's lag is certain.
        await LedgerIntake.Until(() => consumer.Status.Lag is { Partitions: [{ Lag: 4 }, _] }, "lag 4 on partition 0", ct);
        var snapshot = consumer.Status.Lag!;
        Assert.Equal((topic, 0, 0L, 4L, (long?)0), snapshot.Partitions.Select(p => (p.Topic, p.Partition, p.Position!.Value, p.HighWatermark!.Value, p.Committed)).First());
        Assert.Equal(1, snapshot.Partitions[1].Partition);

        intake.Release($"kafka:{topic}:0:0");
        await LedgerIntake.Until(() => consumer.Status.Lag is { TotalLag: 0, Partitions: [{ Committed: 4 }, { Committed: 1 }] }, "no lag, all committed", ct);
    }
}
