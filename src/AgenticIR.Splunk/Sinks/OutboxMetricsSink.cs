using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Hec;

namespace AgenticIR.Splunk.Sinks;

/// <summary>The HEC sink as the pipeline sees it: buffers each event in the persisted outbox (a duplicate event id is
/// refused there) and wakes <see cref="HecDeliveryWorker"/>. Never waits on Splunk.</summary>
public sealed class OutboxMetricsSink(IMetricsOutbox outbox, MetricsDeliverySignal signal) : IMetricsSink
{
    /// <inheritdoc />
    public async Task EmitAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsEvent);
        var body = MetricsJson.SerializeBody(metricsEvent);
        if (await outbox.EnqueueAsync(metricsEvent.EventId, metricsEvent.Sourcetype, metricsEvent.Time, body, cancellationToken))
            signal.Notify();
    }

    /// <summary>Buffers all the events in one outbox write (one transaction), then wakes delivery once.</summary>
    public async Task EmitAsync(IReadOnlyList<MetricsEvent> metricsEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsEvents);
        var items = metricsEvents.Select(e => new MetricsOutboxItem(e.EventId, e.Sourcetype, e.Time, MetricsJson.SerializeBody(e))).ToList();
        if (await outbox.EnqueueAsync(items, cancellationToken) > 0) signal.Notify();
    }
}
