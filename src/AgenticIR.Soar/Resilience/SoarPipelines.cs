using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AgenticIR.Soar.Resilience;

/// <summary>The three retry pipelines of one SOAR instance of either platform (read, idempotent write, unsafe write),
/// all sharing one circuit breaker, each attempt bounded by the instance's timeout. Time comes from the injected <see cref="TimeProvider"/>.</summary>
internal sealed class SoarPipelines
{
    /// <summary>The call being executed, for retry logs.</summary>
    public static readonly ResiliencePropertyKey<SoarRequestLabel> CallKey = new("AgenticIR.Soar.Call");

    private readonly ResiliencePipeline<SoarHttpResult> _read;
    private readonly ResiliencePipeline<SoarHttpResult> _idempotentWrite;
    private readonly ResiliencePipeline<SoarHttpResult> _unsafeWrite;

    public SoarPipelines(string platform, string instance, TimeSpan attemptTimeout, SoarResilienceSettings settings, TimeProvider time, ILogger logger)
    {
        var breaker = new ResiliencePipelineBuilder<SoarHttpResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SoarHttpResult>
            {
                FailureRatio = settings.FailureRatio,
                SamplingDuration = settings.SamplingDuration,
                MinimumThroughput = settings.MinimumThroughput,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(SoarRetryRules.CountsAsFailure(args.Outcome)),
                OnOpened = args =>
                {
                    OpenedBy = SoarRetryRules.Describe(args.Outcome);
                    SoarResilienceLog.CircuitOpened(logger, platform, instance, (long)args.BreakDuration.TotalMilliseconds, SoarRetryRules.Describe(args.Outcome));
                    return default;
                },
                OnClosed = _ =>
                {
                    SoarResilienceLog.CircuitClosed(logger, platform, instance);
                    return default;
                },
            })
            .Build();

        _read = Build(SoarCallKind.Read);
        _idempotentWrite = Build(SoarCallKind.IdempotentWrite);
        _unsafeWrite = Build(SoarCallKind.UnsafeWrite);

        ResiliencePipeline<SoarHttpResult> Build(SoarCallKind kind) =>
            new ResiliencePipelineBuilder<SoarHttpResult> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<SoarHttpResult>
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    Delay = settings.BaseDelay,
                    MaxDelay = settings.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(SoarRetryRules.ShouldRetry(kind, args.Outcome, settings)),
                    // Retry-After wins over the computed backoff (null falls back to exponential + jitter).
                    DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                    OnRetry = args =>
                    {
                        args.Context.Properties.TryGetValue(CallKey, out var call);
                        SoarResilienceLog.Retrying(logger, platform, instance, call?.Verb ?? "?", call?.Path ?? "?",
                            SoarRetryRules.Describe(args.Outcome), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                        return default;
                    },
                })
                .AddPipeline(breaker)
                .AddTimeout(attemptTimeout)
                .Build();
    }

    /// <summary>The failure that last opened the circuit, for the message of a call the open circuit refused.</summary>
    public string? OpenedBy { get; private set; }

    public ResiliencePipeline<SoarHttpResult> For(SoarCallKind kind) => kind switch
    {
        SoarCallKind.Read => _read,
        SoarCallKind.IdempotentWrite => _idempotentWrite,
        _ => _unsafeWrite,
    };
}
