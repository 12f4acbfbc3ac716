using System.Threading.Channels;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.Heartbeat;

public sealed class AgentHeartbeatEmitterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsync_EachInterval_OneHeartbeatPerAgent()
    {
        var sink = new ChannelSink();
        var tracker = new AgentHealthTracker(_time);
        using var emitter = new AgentHeartbeatEmitter(tracker, sink, new HeartbeatOptions { Interval = TimeSpan.FromSeconds(30), Worker = "w1" },
            _time, new ListLogger<AgentHeartbeatEmitter>());

        await emitter.StartAsync(Ct);
        var first = await sink.TakeAsync(5);
        tracker.RecordError(AgentNames.Triage);
        tracker.RecordSuccess(AgentNames.Investigation, TimeSpan.FromMilliseconds(40));
        tracker.RecordSuccess(AgentNames.Investigation, TimeSpan.FromMilliseconds(60));
        _time.Advance(TimeSpan.FromSeconds(30));
        var second = await sink.TakeAsync(5);
        await emitter.StopAsync(Ct);

        Assert.Equal(AgentNames.All, first.Select(e => (string)e.Fields["agent_name"]!.ToString()!));
        Assert.All(first, e => Assert.Equal("agent_heartbeat", e.Sourcetype));
        Assert.Equal(_time.GetUtcNow(), second[0].Time);
        var triage = EventJson.Body(second.Single(e => e.Fields["agent_name"]!.ToString() == AgentNames.Triage));
        Assert.Equal("error", triage.GetProperty("status").GetString());
        Assert.Equal(1, triage.GetProperty("error_count").GetInt32());
        var investigation = EventJson.Body(second.Single(e => e.Fields["agent_name"]!.ToString() == AgentNames.Investigation));
        Assert.Equal("healthy", investigation.GetProperty("status").GetString());
        Assert.Equal(50, investigation.GetProperty("processing_time_ms").GetDouble());
        Assert.Equal("2026-11-20T10:00:00.000Z", investigation.GetProperty("last_action_time").GetString());
        Assert.Equal(10, first.Concat(second).Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Sample_ErrorsAndSuccesses_DegradedThenResetsNextInterval()
    {
        var tracker = new AgentHealthTracker(_time);
        tracker.RecordError(AgentNames.Response);
        tracker.RecordSuccess(AgentNames.Response, TimeSpan.FromMilliseconds(10));

        Assert.Equal("degraded", tracker.Sample(AgentNames.Response).Status);
        Assert.Equal("healthy", tracker.Sample(AgentNames.Response).Status);
    }

    private sealed class ChannelSink : IMetricsSink
    {
        private readonly Channel<MetricsEvent> _events = Channel.CreateUnbounded<MetricsEvent>();

        public Task EmitAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken) => _events.Writer.WriteAsync(metricsEvent, cancellationToken).AsTask();

        public async Task<List<MetricsEvent>> TakeAsync(int count)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var list = new List<MetricsEvent>();
            while (list.Count < count) list.Add(await _events.Reader.ReadAsync(timeout.Token));
            return list;
        }
    }
}
