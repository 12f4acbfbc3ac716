using System.Text.Json;
using System.Text.RegularExpressions;
using AgenticIR.Core.Metrics;
using AgenticIR.Splunk.App;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Splunk.Tests.Support;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Splunk.Tests.Sinks;

public sealed class JsonLinesMetricsSinkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string FilePath => Path.Combine(_directory, "metrics", "agentic_ir_metrics.jsonl");

    [Fact]
    public async Task EmitAsync_Events_OneEnvelopePerLine()
    {
        await using (var sink = Sink(maxBytes: 0))
        {
            await sink.EmitAsync(Event(1), Ct);
            await sink.EmitAsync(Event(2), Ct);
        }

        var lines = await File.ReadAllLinesAsync(FilePath, Ct);
        Assert.Equal(2, lines.Length);
        Assert.Equal(
            """{"time":1764000001.000,"host":"worker-1","source":"agentic_ir","sourcetype":"agent_heartbeat","index":"agentic_ir","event":{"event_id":"e1","status":"healthy"}}""",
            lines[0]);
    }

    [Fact]
    public async Task EmitAsync_EventsAlreadyInTheFileFromAnEarlierProcess_NotWrittenAgain()
    {
        await using (var first = Sink(maxBytes: 0))
        {
            await first.EmitAsync(Event(1), Ct);
            await first.EmitAsync(Event(2), Ct);
        }
        // The process was killed in the middle of a line, after its last complete event.
        await File.AppendAllTextAsync(FilePath, "{\"time\":1764000003.000,\"host\":\"worker-1\",\"source\":\"agentic_ir\",\"sourcetype\":\"agent_heartbeat\",\"index\":\"agentic_ir\",\"event\":{\"event_id\":\"e3\",\"sta", Ct);

        // A restarted process delivers the same messages again (at least once), and then new ones.
        await using (var restarted = Sink(maxBytes: 0))
        {
            await restarted.EmitAsync([Event(1), Event(2), Event(3)], Ct);
            await restarted.EmitAsync(Event(2), Ct);
            await restarted.EmitAsync(Event(4), Ct);
        }

        var lines = await File.ReadAllLinesAsync(FilePath, Ct);
        var ids = lines.Where(l => l.EndsWith('}')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event").GetProperty("event_id").GetString());
        Assert.Equal(["e1", "e2", "e3", "e4"], ids);
        // The cut line stays as it was, on its own: the forwarder skips it and reads the next line whole.
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task EmitAsync_PastMaxSize_RotatesKeepingEveryLine()
    {
        await using (var sink = Sink(maxBytes: 400))
        {
            for (var i = 0; i < 10; i++) await sink.EmitAsync(Event(i), Ct);
        }

        var files = Directory.GetFiles(Path.GetDirectoryName(FilePath)!);
        Assert.True(files.Length > 1);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 400));
        var ids = files.SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event").GetProperty("event_id").GetString()).Order();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"e{i}").Order(), ids);
    }

    [Fact]
    public async Task EmitAsync_Line_AppTransformsRecoverSourcetypeAndEvent()
    {
        await using (var sink = Sink(maxBytes: 0))
            await sink.EmitAsync(MetricsEventFactoryEvent(), Ct);
        var line = (await File.ReadAllLinesAsync(FilePath, Ct))[0];

        // The forwarder path: the app's index-time transforms must turn the line into what HEC would have indexed.
        Assert.Equal("shadow_comparison", Regex.Match(line, AppConfFiles.SourcetypeRegex).Groups[1].Value);
        var raw = Regex.Match(line, AppConfFiles.UnwrapRegex).Groups[1].Value;
        Assert.Equal(JsonDocument.Parse(line).RootElement.GetProperty("event").GetRawText(), raw);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private JsonLinesMetricsSink Sink(long maxBytes) =>
        new(new JsonLinesSinkOptions { Path = FilePath, MaxFileBytes = maxBytes, Host = "worker-1" }, new ListLogger<JsonLinesMetricsSink>());

    private static MetricsEvent Event(int n) => new($"e{n}", "agent_heartbeat", DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + n),
        new Dictionary<string, object?> { ["status"] = "healthy" });

    private static MetricsEvent MetricsEventFactoryEvent() => Splunk.Events.MetricsEventFactory.ForShadowComparison(Records.ShadowComparison());
}
