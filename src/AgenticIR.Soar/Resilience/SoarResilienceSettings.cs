namespace AgenticIR.Soar.Resilience;

/// <summary>Retry and circuit-breaker tuning, the same for every instance.</summary>
internal sealed record SoarResilienceSettings
{
    public static SoarResilienceSettings Default { get; } = new();

    /// <summary>Retries after the first attempt. Default 5.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First backoff delay, doubled per retry with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on a backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest <c>Retry-After</c> we wait for inside one call; a longer one fails the call as unavailable so the
    /// caller's own schedule (the next poll) picks the work up again. Default 5 min.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Failure ratio that opens the circuit. Default 0.5.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Window over which the ratio is measured. Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in the window before the circuit may open. Default 5.</summary>
    public int MinimumThroughput { get; init; } = 5;

    /// <summary>How long an open circuit fails calls fast before letting a probe through. Default 30 s.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
