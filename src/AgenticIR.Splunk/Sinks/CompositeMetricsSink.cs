using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;

namespace AgenticIR.Splunk.Sinks;

/// <summary>Sends each event to every configured sink (e.g. HEC and a forwarder file).</summary>
public sealed class CompositeMetricsSink(IReadOnlyList<IMetricsSink> sinks) : IMetricsSink
{
    /// <inheritdoc />
    public async Task EmitAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks) await sink.EmitAsync(metricsEvent, cancellationToken);
    }

    /// <inheritdoc />
    public async Task EmitAsync(IReadOnlyList<MetricsEvent> metricsEvents, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks) await sink.EmitAsync(metricsEvents, cancellationToken);
    }
}
