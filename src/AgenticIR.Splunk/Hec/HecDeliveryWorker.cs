using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Splunk.Hec;

/// <summary>Drains the metrics outbox to HEC in insertion order. A batch is marked delivered only after Splunk
/// acknowledged it; a transient failure resends the same batch after a backoff (head-of-line, so order holds across an
/// outage); a permanent refusal dead-letters the batch with the reason and moves on. With several workers on one store,
/// only the one holding <see cref="LeaseNames.HecDelivery"/> sends (asked before every batch), so no batch goes out twice
/// at once and the order holds; the others keep their events in the shared outbox for it.</summary>
public sealed class HecDeliveryWorker : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly IMetricsOutbox _outbox;
    private readonly HecClient _client;
    private readonly HecOptions _options;
    private readonly MetricsDeliverySignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HecRetryPolicy _retry;
    private readonly HecEnvelopeSettings _envelope;
    private readonly IPassGate _gate;
    private int _failures;
    private DateTimeOffset _nextPrune;

    /// <summary>Creates the worker; <paramref name="random"/> (values in [0, 1)) drives the jitter and defaults to
    /// <see cref="Random.Shared"/>; <paramref name="gate"/> says whether this worker delivers (always, when null).</summary>
    public HecDeliveryWorker(IMetricsOutbox outbox, HecClient client, HecOptions options, MetricsDeliverySignal signal,
        TimeProvider time, ILogger<HecDeliveryWorker> logger, Func<double>? random = null, IPassGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _client = client;
        _options = options;
        _signal = signal;
        _time = time;
        _logger = logger;
        _retry = new HecRetryPolicy(options.RetryBaseDelay, options.RetryMaxDelay, random ?? Random.Shared.NextDouble);
        _envelope = new HecEnvelopeSettings(options.Host, options.Index);
        _nextPrune = time.GetUtcNow();
        _gate = gate ?? OpenPassGate.Instance;
    }

    // A batch is sent right after the lease is renewed, so it must fit in the lease with room: the lease lasts several of
    // these (the longer of the idle poll and one request's timeout).
    private TimeSpan LeaseInterval => _options.PollInterval > _options.RequestTimeout ? _options.PollInterval : _options.RequestTimeout;

    /// <summary>Sends at most one batch. Returns null when nothing is pending, otherwise how long to wait before the next
    /// call (zero after a delivery, the backoff after a transient failure, the pause after a refused token).</summary>
    public async Task<TimeSpan?> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var pending = await _outbox.ListPendingAsync(_options.MaxBatchEvents, cancellationToken);
        if (pending.Count == 0) return null;
        var batch = HecBatchBuilder.Build(pending, _envelope, _options.MaxBatchBytes, _options.MaxBatchEvents);
        var result = await _client.SendAsync(batch.Body, cancellationToken);
        switch (result.Outcome)
        {
            case HecOutcome.Delivered:
                await _outbox.MarkDeliveredAsync(batch.Ids, cancellationToken);
                _failures = 0;
                Log.HecBatchDelivered(_logger, batch.Ids.Count);
                return TimeSpan.Zero;
            case HecOutcome.Retry:
                _failures++;
                await _outbox.RecordFailureAsync(batch.Ids, result.Reason, cancellationToken);
                var delay = _retry.NextDelay(_failures, result.RetryAfter);
                Log.HecBatchRetry(_logger, batch.Ids.Count, _failures, result.Reason, (long)delay.TotalMilliseconds);
                return delay;
            default:
                await _outbox.DeadLetterAsync(batch.Ids, result.Reason, cancellationToken);
                _failures = 0;
                Log.HecBatchDeadLettered(_logger, batch.Ids.Count, result.Reason);
                if (!result.IsAuthFailure) return TimeSpan.Zero;
                Log.HecAuthPause(_logger, (long)_options.AuthFailurePause.TotalMilliseconds);
                return _options.AuthFailurePause;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? wait;
            try
            {
                if (!await _gate.TryEnterAsync(LeaseNames.HecDelivery, LeaseInterval, stoppingToken))
                {
                    // Another worker delivers; ask again after an idle interval.
                    wait = _options.PollInterval;
                }
                else
                {
                    wait = await DrainOnceAsync(stoppingToken);
                    if (wait is null) await PruneIfDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Loop boundary: a store fault must not end delivery for the life of the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.MetricsDeliveryFault(_logger, ex);
                wait = _options.PollInterval;
            }

            try
            {
                if (wait is null) await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken);
                else if (wait.Value > TimeSpan.Zero) await Task.Delay(wait.Value, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now < _nextPrune) return;
        _nextPrune = now + PruneEvery;
        var pruned = await _outbox.PruneDeliveredAsync(now - _options.DeliveredRetention, cancellationToken);
        if (pruned > 0) Log.MetricsPruned(_logger, pruned);
    }
}
