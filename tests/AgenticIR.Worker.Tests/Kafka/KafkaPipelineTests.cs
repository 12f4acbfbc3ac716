using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Kafka;
using AgenticIR.Kafka.Consuming;
using AgenticIR.Kafka.Status;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;
using AgenticIR.Worker.Tests.Support;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Worker.Tests.Kafka;

/// <summary>Kafka into the whole pipeline and the embedded store: each (topic, partition, offset) lands in the intake
/// ledger once, as an investigation, a merge or a dead letter, and a group reset that reads everything again adds nothing.</summary>
public sealed class KafkaPipelineTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", name));

    [Fact]
    public async Task Run_AlertsDuplicateAndPoison_LedgerHoldsEachOffsetOnceAndAResetAddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("pipeline", 2);
        var group = "g-" + topic;
        await using var harness = await ReplayHarness.CreateAsync(cancellationToken: ct);
        var store = harness.Pipeline.Store;
        var produced = new List<TopicPartitionOffset>
        {
            await kafka.ProduceAsync(topic, 0, Sample("07-malware-loader-fin-ws-022.json"), ct),
            await kafka.ProduceAsync(topic, 1, Sample("13-lateral-psexec-fin-db01.json"), ct),
            await kafka.ProduceAsync(topic, 0, Sample("07-malware-loader-fin-ws-022.json"), ct),
            await kafka.ProduceAsync(topic, 1, "{\"truncated\": ", ct),
        };
        var keys = produced.Select(p => $"kafka:{topic}:{p.Partition.Value}:{p.Offset.Value}").ToList();

        var first = await RunUntilAsync(harness, topic, group, s => s.Taken == 4, ct);
        var intakes = new List<IntakeRecord>();
        foreach (var key in keys) intakes.Add(await store.GetIntakeAsync(key, ct) ?? throw new InvalidOperationException($"no intake for {key}"));
        Assert.Equal([IntakeStatus.Processed, IntakeStatus.Processed, IntakeStatus.Merged, IntakeStatus.DeadLettered], intakes.Select(i => i.Status));
        Assert.Equal(intakes[0].InvestigationId, intakes[2].InvestigationId);
        var letter = Assert.Single(await store.ListDeadLettersAsync(10, ct), d => d.Source == keys[3]);
        Assert.Contains("{\"truncated\": ", letter.Payload, StringComparison.Ordinal);
        var investigations = (await store.ListAsync(100, ct)).Count;
        Assert.Equal(1, first.DeadLettered);

        kafka.CommitOffsets(group, [new TopicPartitionOffset(topic, 0, 0), new TopicPartitionOffset(topic, 1, 0)]);
        var again = await RunUntilAsync(harness, topic, group, s => s.Redelivered == 4, ct);

        Assert.Equal(0, again.Taken);
        Assert.Equal(investigations, (await store.ListAsync(100, ct)).Count);
        Assert.Single(await store.ListDeadLettersAsync(10, ct), d => d.Source == keys[3]);
    }

    private async Task<KafkaSourceStatus> RunUntilAsync(ReplayHarness harness, string topic, string group, Func<KafkaSourceStatus, bool> done, CancellationToken ct)
    {
        var pipeline = harness.Pipeline;
        var status = new KafkaSourceStatus();
        var options = new KafkaSourceOptions
        {
            Bootstrap = kafka.Bootstrap,
            Topics = topic,
            Group = group,
            SessionTimeout = TimeSpan.FromSeconds(3),
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            CommitInterval = TimeSpan.FromMilliseconds(50),
        };
        using var worker = new KafkaConsumerWorker(options, new KafkaIntakeSettings(PlaybookMode.Shadow, 1024 * 1024), pipeline.Get<IAlertIntake>(), pipeline.Get<IPayloadDecoder>(),
            pipeline.Normalizer, status, pipeline.Get<AlertLaneKey>(), pipeline.Time, NullLogger<KafkaConsumerWorker>.Instance);
        await worker.StartAsync(ct);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            while (!done(status)) await Task.Delay(20, deadline.Token);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
        return status;
    }
}
