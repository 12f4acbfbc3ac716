using AgenticIR.Core.Shadow;
using AgenticIR.Splunk.Events;

namespace AgenticIR.Splunk.Emission;

/// <summary>Emits a <c>shadow_comparison</c> event for every comparison observed since the previous pass. Each pass
/// reads back <see cref="Overlap"/> before the previous one ended, because a comparison is dated when the SOAR was read
/// and saved a moment later; ids are deterministic and recent ones are remembered, so the overlap emits nothing twice.</summary>
/// <param name="source">Final comparisons (the SOAR bridge's store).</param>
/// <param name="emitter">Hands events to the sink and remembers their ids.</param>
/// <param name="time">Clock.</param>
/// <param name="firstLookback">How far back the first pass after start reads (default one day): comparisons saved while
/// an earlier process was stopping.</param>
public sealed class ShadowMetricsEmitter(IShadowComparisonSource source, InvestigationMetricsEmitter emitter, TimeProvider time, TimeSpan? firstLookback = null)
{
    /// <summary>How far each pass reads back before the previous one's end.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private DateTimeOffset? _lastEnd;

    /// <summary>One pass (one caller at a time: the worker's loop); returns how many events were emitted.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = _lastEnd is { } last ? last - Overlap : now - (firstLookback ?? TimeSpan.FromDays(1));
        var comparisons = await source.ListAsync(from, now, cancellationToken);
        var emitted = await emitter.EmitAsync([.. comparisons.Select(MetricsEventFactory.ForShadowComparison)], cancellationToken);
        // Only a pass that reached the sink moves on; a failed one is read again whole next time.
        _lastEnd = now;
        return emitted;
    }
}
