namespace AgenticIR.Splunk.Hec;

/// <summary>Exponential backoff with jitter, never shorter than the server's <c>Retry-After</c>.</summary>
internal sealed class HecRetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    /// <summary>Delay before attempt <paramref name="failures"/> + 1 (failures ≥ 1).</summary>
    public TimeSpan NextDelay(int failures, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        // "Equal jitter": half fixed, half random, so retries from many workers spread out without collapsing to zero.
        var backoff = TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * random());
        return retryAfter is { } after && after > backoff ? after : backoff;
    }
}
