using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;

namespace AgenticIR.Testing.Fakes;

/// <summary>Keeps every metrics event instead of sending it; <see cref="FailNext"/> makes the next emission fail as a
/// full disk would.</summary>
public sealed class RecordingMetricsSink : IMetricsSink
{
    private readonly List<MetricsEvent> _events = [];
    private readonly Lock _lock = new();

    /// <summary>What was emitted, in order.</summary>
    public IReadOnlyList<MetricsEvent> Events
    {
        get { lock (_lock) return [.. _events]; }
    }

    /// <summary>When true, the next emission throws <see cref="IOException"/> and writes nothing.</summary>
    public bool FailNext { get; set; }

    public Task EmitAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken) => EmitAsync([metricsEvent], cancellationToken);

    public Task EmitAsync(IReadOnlyList<MetricsEvent> metricsEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricsEvents);
        lock (_lock)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }
            _events.AddRange(metricsEvents);
        }
        return Task.CompletedTask;
    }
}
