using AgenticIR.Core.Metrics;

namespace AgenticIR.Core.Ports;

/// <summary>Where metrics events go: the Splunk HEC outbox, a JSON-lines file for a Universal Forwarder, or both.
/// Emitting must not block the pipeline on the receiver: a sink buffers and delivers in the background.</summary>
public interface IMetricsSink
{
    /// <summary>Accepts one event. An event whose <see cref="MetricsEvent.EventId"/> was accepted before may be ignored.</summary>
    Task EmitAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken);

    /// <summary>Accepts several events at once (e.g. all of one investigation's); a buffering sink stores them in one write.</summary>
    async Task EmitAsync(IReadOnlyList<MetricsEvent> metricsEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsEvents);
        foreach (var metricsEvent in metricsEvents) await EmitAsync(metricsEvent, cancellationToken);
    }
}
