using AgenticIR.Soar.Xsoar.Api;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AgenticIR.Soar.Xsoar.Resilience;

/// <summary>The three retry pipelines of one XSOAR instance (read, idempotent write, unsafe write), all sharing one
/// circuit breaker, each attempt bounded by the instance's timeout. Time comes from the injected <see cref="TimeProvider"/>.</summary>
internal sealed class XsoarPipelines
{
    /// <summary>The call being executed, for retry logs.</summary>
    public static readonly ResiliencePropertyKey<XsoarCall> CallKey = new("AgenticIR.Xsoar.Call");

    private readonly ResiliencePipeline<XsoarHttpResult> _read;
    private readonly ResiliencePipeline<XsoarHttpResult> _idempotentWrite;
    private readonly ResiliencePipeline<XsoarHttpResult> _unsafeWrite;

    public XsoarPipelines(string instance, TimeSpan attemptTimeout, XsoarResilienceSettings settings, TimeProvider time, ILogger logger)
    {
        var breaker = new ResiliencePipelineBuilder<XsoarHttpResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<XsoarHttpResult>
            {
                FailureRatio = settings.FailureRatio,
                SamplingDuration = settings.SamplingDuration,
                MinimumThroughput = settings.MinimumThroughput,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(XsoarRetryRules.CountsAsFailure(args.Outcome)),
                OnOpened = args =>
                {
                    OpenedBy = XsoarRetryRules.Describe(args.Outcome);
                    XsoarLog.CircuitOpened(logger, instance, (long)args.BreakDuration.TotalMilliseconds, OpenedBy);
                    return default;
                },
                OnClosed = _ =>
                {
                    XsoarLog.CircuitClosed(logger, instance);
                    return default;
                },
            })
            .Build();

        _read = Build(XsoarCallKind.Read);
        _idempotentWrite = Build(XsoarCallKind.IdempotentWrite);
        _unsafeWrite = Build(XsoarCallKind.UnsafeWrite);

        ResiliencePipeline<XsoarHttpResult> Build(XsoarCallKind kind) =>
            new ResiliencePipelineBuilder<XsoarHttpResult> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<XsoarHttpResult>
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    Delay = settings.BaseDelay,
                    MaxDelay = settings.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(XsoarRetryRules.ShouldRetry(kind, args.Outcome, settings)),
                    // Retry-After wins over the computed backoff (null falls back to exponential + jitter).
                    DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                    OnRetry = args =>
                    {
                        args.Context.Properties.TryGetValue(CallKey, out var call);
                        XsoarLog.Retrying(logger, instance, call?.Verb ?? "?", call?.Path ?? "?",
                            XsoarRetryRules.Describe(args.Outcome), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                        return default;
                    },
                })
                .AddPipeline(breaker)
                .AddTimeout(attemptTimeout)
                .Build();
    }

    /// <summary>The failure that last opened the circuit, for the message of a call the open circuit refused.</summary>
    public string? OpenedBy { get; private set; }

    public ResiliencePipeline<XsoarHttpResult> For(XsoarCallKind kind) => kind switch
    {
        XsoarCallKind.Read => _read,
        XsoarCallKind.IdempotentWrite => _idempotentWrite,
        _ => _unsafeWrite,
    };
}
