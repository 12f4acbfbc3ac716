using System.Text;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>What a message may decide: its value is the alert (JSON or a raw mail) and a <c>format</c> header may name
/// the mapping. Nothing else in it (key, other headers, fields of the value) chooses the input key, the mode, the playbook
/// or the mapping.</summary>
public sealed class MessageContentTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string Alert = File.ReadAllText(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"));

    [Fact]
    public async Task FormatHeader_NamesAMapping_ForcesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("format", 1);
        await kafka.ProduceAsync(topic, 0, Alert, ct);
        await kafka.ProduceAsync(topic, 0, Alert, ct, [new("format", " Generic "u8.ToArray())]);

        var calls = await TakeAsync(topic, 2, ct);

        Assert.NotEqual("generic", calls[0].Normalized.Format);
        Assert.True(calls[0].Normalized.Succeeded);
        Assert.Equal("generic", calls[1].Raw.FormatHint);
        Assert.Equal("generic", calls[1].Normalized.Format);
        Assert.Equal("forced", calls[1].Normalized.Alert!.Attributes["format_selection"]);
    }

    [Fact]
    public async Task Value_RawMailBytes_NormalizedAsMail()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("mail", 1);
        await kafka.ProduceAsync(topic, 0, await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Samples, "alerts", "04-phish-url-sharepoint-lure.eml"), ct), ct);

        var call = (await TakeAsync(topic, 1, ct)).Single();

        Assert.True(call.Normalized.Succeeded, call.Normalized.Error);
        Assert.Equal("eml", call.Normalized.Format);
    }

    [Theory]
    [InlineData("no_such_mapping", "'no_such_mapping' names no mapping")]
    [InlineData("../../etc/passwd", "not a mapping name")]
    public async Task FormatHeader_NamesNoMapping_DeadLettered(string header, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("badformat", 1);
        await kafka.ProduceAsync(topic, 0, Alert, ct, [new("format", Encoding.UTF8.GetBytes(header))]);

        var call = (await TakeAsync(topic, 1, ct)).Single();

        Assert.False(call.Normalized.Succeeded);
        Assert.Contains(reason, call.Normalized.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatHeader_Twice_DeadLetteredRatherThanPickingOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("twoformats", 1);
        await kafka.ProduceAsync(topic, 0, Alert, ct, [new("format", "generic"u8.ToArray()), new("format", "ecs"u8.ToArray())]);

        var call = (await TakeAsync(topic, 1, ct)).Single();

        Assert.False(call.Normalized.Succeeded);
        Assert.Contains("2 'format' headers", call.Normalized.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task FormatHeader_HostileText_DeadLetteredWithoutRepeatingIt(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("hostile", 1);
        var hostile = HostileText.Get(name);
        await kafka.ProduceAsync(topic, 0, Alert, ct, [new("format", Encoding.UTF8.GetBytes(hostile))]);

        var call = (await TakeAsync(topic, 1, ct)).Single();

        Assert.False(call.Normalized.Succeeded);
        Assert.DoesNotContain(hostile, call.Normalized.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(call.Normalized.Error!, c => char.IsControl(c) || char.IsSurrogate(c));
    }

    public static TheoryData<string> HostileNames() => [.. HostileText.Names];

    [Fact]
    public async Task HostileMessage_KeyHeadersAndValueFields_ChooseNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("choose", 1);
        var value = Alert.TrimEnd().TrimEnd('}') + ", \"input_key\": \"file:/etc/passwd\", \"mode\": \"autonomous\", \"playbook\": \"block_everything\", \"format\": \"eml\"}";
        await kafka.ProduceAsync(topic, 0, Encoding.UTF8.GetBytes(value), ct,
            [new("mode", "autonomous"u8.ToArray()), new("input_key", "kafka:other:0:0"u8.ToArray()), new("playbook", "contain_all"u8.ToArray()),
             new("Format", "eml"u8.ToArray()), new("source", "soar:1"u8.ToArray())], key: "kafka:other:0:0"u8.ToArray());

        var call = (await TakeAsync(topic, 1, ct)).Single();

        Assert.Equal($"kafka:{topic}:0:0", call.InputKey);
        Assert.Equal(call.InputKey, call.Raw.Source);
        Assert.Equal(new IngestContext(null, null, PlaybookMode.Shadow), call.Context);
        Assert.Null(call.Raw.FormatHint);
        Assert.True(call.Normalized.Succeeded, call.Normalized.Error);
        Assert.NotEqual("eml", call.Normalized.Format);
    }

    private async Task<IReadOnlyList<IntakeCall>> TakeAsync(string topic, int count, CancellationToken ct)
    {
        var intake = new LedgerIntake();
        await using (var consumer = await ConsumerHarness.StartAsync(ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic), intake, ct))
        {
            await intake.WaitForCallsAsync(count, ct);
        }
        return [.. intake.Calls.OrderBy(c => c.InputKey, StringComparer.Ordinal)];
    }
}
