using System.Text;
using AgenticIR.Core.State;
using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>A message that cannot become an alert is dead-lettered by intake under its coordinates and copied, whole and
/// with headers naming its origin and the reason, to the dead-letter topic; the partition moves on past it.</summary>
public sealed class DeadLetterTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string Alert = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"));

    [Fact]
    public async Task Poison_UnparseableEmptyTombstoneOversized_DeadLetteredAndCopiedWithOrigin()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("poison", 1);
        var deadLetters = topic + "-dlt";
        var group = "g-" + topic;
        byte[]?[] values = [Encoding.UTF8.GetBytes("{\"alert\": not json"), [], null, Encoding.UTF8.GetBytes(new string('x', 20_000)), [0xC3, 0x28, 0x7B]];
        foreach (var value in values) await kafka.ProduceAsync(topic, 0, value, ct, [new("trace", "t-1"u8.ToArray())]);
        await kafka.ProduceAsync(topic, 0, Alert, ct);
        var intake = new LedgerIntake();
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, group);
        options.DeadLetterTopic = deadLetters;

        await using (var consumer = await ConsumerHarness.StartAsync(options, intake, ct, maxInputBytes: 16 * 1024))
        {
            await intake.WaitForLedgerAsync(6, ct);
            await LedgerIntake.Until(() => consumer.Status.DeadLetterCopies == 5, "five dead-letter copies", ct);
            await LedgerIntake.Until(() => kafka.CommittedOffsets(group, topic, 1)[0] == 6, "committed past the poison", ct);
        }

        var letters = intake.Ledger.Values.Where(r => r.Status == IntakeStatus.DeadLettered).OrderBy(r => r.InputKey, StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(o => $"kafka:{topic}:0:{o}"), letters.Select(l => l.InputKey));
        Assert.Contains("JSON", letters[0].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("empty", letters[1].Reason, StringComparison.Ordinal);
        Assert.Contains("tombstone", letters[2].Reason, StringComparison.Ordinal);
        Assert.Contains("20000 bytes, above the maximum of 16384 bytes", letters[3].Reason, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8 at byte 0", letters[4].Reason, StringComparison.Ordinal);
        Assert.Equal(16 * 1024, intake.Calls.Single(c => c.InputKey.EndsWith(":3", StringComparison.Ordinal)).Raw.Content.Length);

        var copies = kafka.Read(deadLetters, 5, TimeSpan.FromSeconds(20));
        Assert.Equal(5, copies.Count);
        foreach (var copy in copies)
        {
            var headers = copy.Message.Headers.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()));
            var offset = int.Parse(headers["agentic-ir.origin.offset"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(topic, headers["agentic-ir.origin.topic"]);
            Assert.Equal("0", headers["agentic-ir.origin.partition"]);
            Assert.Equal($"kafka:{topic}:0:{offset}", headers["agentic-ir.input-key"]);
            Assert.Equal(letters[offset].Reason, headers["agentic-ir.reason"]);
            Assert.Equal("t-1", headers["trace"]);
            Assert.Equal(values[offset], copy.Message.Value);
        }
    }

    [Fact]
    public async Task Poison_NoDeadLetterTopic_DeadLetteredInTheStoreAndPartitionMovesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("poison-nodlt", 1);
        await kafka.ProduceAsync(topic, 0, "[1, 2", ct);
        await kafka.ProduceAsync(topic, 0, Alert, ct);
        var intake = new LedgerIntake();

        await using (var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic), intake, ct))
        {
            await intake.WaitForLedgerAsync(2, ct);
            Assert.Equal(0, consumer.Status.DeadLetterCopies);
            Assert.Equal(1, consumer.Status.DeadLettered);
        }

        Assert.Equal(IntakeStatus.DeadLettered, intake.Ledger[$"kafka:{topic}:0:0"].Status);
        Assert.Equal(IntakeStatus.Processed, intake.Ledger[$"kafka:{topic}:0:1"].Status);
    }

    [Fact]
    public async Task Poison_OriginalCarriesOurHeaderNames_CopyKeepsOnlyTheTrueOrigin()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("forged", 1);
        var deadLetters = topic + "-dlt";
        await kafka.ProduceAsync(topic, 0, "not an alert", ct,
            [new("agentic-ir.origin.topic", "payroll"u8.ToArray()), new("agentic-ir.reason", "approved by ciso"u8.ToArray())]);
        var intake = new LedgerIntake();
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic);
        options.DeadLetterTopic = deadLetters;

        await using (var consumer = await ConsumerHarness.StartAsync(options, intake, ct))
        {
            await LedgerIntake.Until(() => consumer.Status.DeadLetterCopies == 1, "the copy", ct);
        }

        var headers = kafka.Read(deadLetters, 1, TimeSpan.FromSeconds(20)).Single().Message.Headers;
        Assert.Equal([topic], headers.Where(h => h.Key == "agentic-ir.origin.topic").Select(h => Encoding.UTF8.GetString(h.GetValueBytes())));
        Assert.DoesNotContain(headers, h => Encoding.UTF8.GetString(h.GetValueBytes()) == "approved by ciso");
    }
}
