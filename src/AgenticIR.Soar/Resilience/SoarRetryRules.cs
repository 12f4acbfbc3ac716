using Polly;
using Polly.Timeout;

namespace AgenticIR.Soar.Resilience;

/// <summary>Which outcomes are retried and which count against the circuit breaker.</summary>
internal static class SoarRetryRules
{
    public static bool ShouldRetry(SoarCallKind kind, Outcome<SoarHttpResult> outcome, SoarResilienceSettings settings)
    {
        // A timed-out write may have been applied; only the caller's ledger can decide about a second attempt.
        if (outcome.Exception is not null) return outcome.Exception is TimeoutRejectedException && kind != SoarCallKind.UnsafeWrite;
        if (outcome.Result is not { } result) return false;
        if (result.RetryAfter is { } wait && wait > settings.MaxRetryAfter) return false;

        var safe = kind != SoarCallKind.UnsafeWrite;
        return result.Transport switch
        {
            SoarTransportError.NotDelivered => true,
            SoarTransportError.Network => safe,
            _ => result.Status switch
            {
                429 => true,
                503 => safe || result.RetryAfter is not null,
                >= 500 => safe,
                _ => false,
            },
        };
    }

    /// <summary>Signs the SOAR is down or overloaded. 429 and 4xx are answers from a live server and do not count.</summary>
    public static bool CountsAsFailure(Outcome<SoarHttpResult> outcome) =>
        outcome.Exception is TimeoutRejectedException
        || outcome.Result is { Transport: not SoarTransportError.None } or { Status: >= 500 };

    public static string Describe(Outcome<SoarHttpResult> outcome) =>
        outcome.Exception is { } ex ? ex is TimeoutRejectedException ? "timed out" : ex.GetType().Name
        : outcome.Result?.Describe() ?? "no result";
}
