using AgenticIR.Core.Metrics;
using AgenticIR.Splunk.Hec;

namespace AgenticIR.Splunk.Tests.Hec;

public sealed class HecBatchBuilderTests
{
    private static readonly HecEnvelopeSettings Settings = new("h", "agentic_ir");

    [Fact]
    public void Build_EventCap_StopsAtCapInOrder()
    {
        var batch = HecBatchBuilder.Build(Entries(10, 50), Settings, 1_000_000, 4);

        Assert.Equal([1L, 2, 3, 4], batch.Ids);
    }

    [Fact]
    public void Build_ByteCap_NeverExceedsCap()
    {
        var entries = Entries(100, 900);

        var batch = HecBatchBuilder.Build(entries, Settings, 10_000, 500);

        Assert.InRange(batch.Body.Length, 9_000, 10_000);
        Assert.Equal(batch.Ids.Count, batch.Body.Span.Count((byte)'\n') + 1);
        Assert.Equal(Enumerable.Range(1, batch.Ids.Count).Select(i => (long)i), batch.Ids);
    }

    [Fact]
    public void Build_SingleEventOverCap_TravelsAlone()
    {
        var batch = HecBatchBuilder.Build(Entries(3, 5_000), Settings, 2_048, 500);

        Assert.Equal([1L], batch.Ids);
    }

    private static List<MetricsOutboxEntry> Entries(int count, int payloadChars) => [.. Enumerable.Range(1, count).Select(i => new MetricsOutboxEntry
    {
        Id = i,
        EventId = $"e{i}",
        Sourcetype = "agent_heartbeat",
        Time = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + i),
        Payload = $$"""{"event_id":"e{{i}}","pad":"{{new string('x', payloadChars)}}"}""",
        State = MetricsOutboxState.Pending,
    })];
}
