using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>Stopping (SIGTERM) is bounded: what is already read may finish within the drain timeout, and what does not is
/// left uncommitted for the next owner.</summary>
public sealed class ShutdownTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string Alert = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"));

    [Fact]
    public async Task Stop_IntakeNeverFinishes_StopsWithinTheDrainTimeoutAndCommitsNothingPastIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("stop", 1);
        var group = "g-" + topic;
        for (var i = 0; i < 3; i++) await kafka.ProduceAsync(topic, 0, Alert, ct);
        var intake = new LedgerIntake();
        var stuck = intake.Hold($"kafka:{topic}:0:1");
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, group);
        options.DrainTimeout = TimeSpan.FromMilliseconds(500);

        var consumer = await ConsumerHarness.StartAsync(options, intake, ct);
        await stuck;
        var took = await consumer.StopAsync(ct);
        await consumer.DisposeAsync();

        Assert.True(took < TimeSpan.FromSeconds(5), $"stopping took {took}");
        Assert.Equal(1, kafka.CommittedOffsets(group, topic, 1)[0]);
        Assert.DoesNotContain($"kafka:{topic}:0:1", intake.Ledger.Keys);

        // The next worker takes the message that was cut short, and the ones after it.
        intake.Release($"kafka:{topic}:0:1");
        await using (var next = await ConsumerHarness.StartAsync(options, intake, ct))
        {
            await intake.WaitForLedgerAsync(3, ct);
        }
        Assert.Equal(3, intake.Ledger.Count);
    }

    [Fact]
    public async Task Stop_WorkInFlight_DrainsItAndCommitsBeforeLeaving()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("drain", 1);
        var group = "g-" + topic;
        for (var i = 0; i < 3; i++) await kafka.ProduceAsync(topic, 0, Alert, ct);
        var intake = new LedgerIntake();
        var held = intake.Hold($"kafka:{topic}:0:2");

        var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, group), intake, ct);
        await held;
        var stopping = consumer.StopAsync(ct);
        intake.Release($"kafka:{topic}:0:2");
        await stopping;
        await consumer.DisposeAsync();

        Assert.Equal(3, intake.Ledger.Count);
        Assert.Equal(3, kafka.CommittedOffsets(group, topic, 1)[0]);
    }
}
