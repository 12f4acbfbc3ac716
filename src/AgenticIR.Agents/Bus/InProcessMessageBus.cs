using System.Collections.Concurrent;
using System.Globalization;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Workers;
using Microsoft.Extensions.Logging;
using AgenticIR.Core.Security;

namespace AgenticIR.Agents.Bus;

/// <summary>The outbox dispatcher. A message is saved in the store first (with its stage, or by
/// <see cref="PublishAsync"/>); the publisher then hands it here and every subscriber of its type runs. When all succeed
/// the message is marked delivered (in batches); when one throws, the others still run and the message is retried with
/// backoff by <see cref="RedeliverAsync"/>, and later messages of its investigation wait for it, so each investigation's
/// messages arrive in order. After <see cref="OutboxDeliveryOptions.MaxAttempts"/> failures it is dead-lettered with the
/// reason. A crash between a subscriber's work and the delivered mark delivers the message again: subscribers are
/// idempotent (the audit keeps a receipt per message, metrics carry deterministic event ids, write-back queues a mark).
/// With several workers on one store, redelivery passes run only on the worker holding <see cref="LeaseNames.Outbox"/>
/// (<paramref name="gate"/>), so two workers never redeliver the same messages at once; each publisher still delivers
/// what it saved, and an investigation blocked by a failure on a worker without the lease waits for the holder's retry.</summary>
public sealed class InProcessMessageBus(IStateStore store, IMessageOutbox outbox, OutboxDeliveryOptions options, TimeProvider time,
    ILogger<InProcessMessageBus> logger, IPassGate? gate = null) : IMessageBus, IAsyncDisposable
{
    /// <summary>Time between two redelivery passes of the host's outbox loop (the lease outlasts several).</summary>
    public static readonly TimeSpan RedeliveryInterval = TimeSpan.FromSeconds(5);

    private const int PageSize = 500;

    private readonly ConcurrentDictionary<MessageType, ImmutableHandlers> _handlers = new();
    // Investigations with a message waiting for its retry, with the pass count when that was noticed: a pass removes
    // only what was blocked before it started, so a failure recorded meanwhile keeps its investigation waiting.
    private readonly ConcurrentDictionary<string, long> _blocked = new(StringComparer.Ordinal);
    private readonly List<string> _delivered = [];
    private readonly Lock _deliveredGate = new();
    private readonly SemaphoreSlim _pass = new(1, 1);
    private long _passes;
    private volatile IAnnouncementAuditor? _saveAuditor;

    /// <inheritdoc />
    public void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler) =>
        _handlers.AddOrUpdate(type, _ => new ImmutableHandlers([handler]), (_, h) => new ImmutableHandlers([.. h.Items, handler]));

    /// <inheritdoc />
    public bool HasSubscribers(MessageType type) => _handlers.ContainsKey(type);

    /// <inheritdoc />
    public void AuditInSave(IAnnouncementAuditor auditor)
    {
        ArgumentNullException.ThrowIfNull(auditor);
        _saveAuditor = auditor;
    }

    /// <inheritdoc />
    public IAnnouncementAuditor? SaveAuditor => _saveAuditor;

    /// <inheritdoc />
    public async Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        await store.AppendMessageAsync(message, cancellationToken);
        await DeliverAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeliverAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // An earlier message of this investigation waits for its retry: this one follows it in the next pass (re-stamped,
        // so a pass running now that did not list it leaves the investigation blocked until one that does).
        if (_blocked.ContainsKey(message.InvestigationId))
        {
            _blocked[message.InvestigationId] = Interlocked.Read(ref _passes);
            return;
        }
        var error = await RunHandlersAsync(message, cancellationToken);
        if (error is null) await MarkDeliveredAsync(message.Id, cancellationToken);
        else if (!await FailedAsync(message, 0, error, cancellationToken)) _blocked[message.InvestigationId] = Interlocked.Read(ref _passes);
    }

    /// <inheritdoc />
    public async Task<int> RedeliverAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
            if (!await (gate ?? OpenPassGate.Instance).TryEnterAsync(LeaseNames.Outbox, RedeliveryInterval, cancellationToken)) return 0;
            var pass = Interlocked.Increment(ref _passes);
            var now = time.GetUtcNow();
            // The first pass of a process takes everything pending: a crash may have left it, and a restart is a retry.
            var (savedBy, dueBy) = pass == 1 ? (DateTimeOffset.MaxValue, DateTimeOffset.MaxValue) : (now - options.PublisherGrace, now);
            var waiting = new HashSet<string>(StringComparer.Ordinal);
            var delivered = 0;
            long after = 0;
            while (true)
            {
                // Everything pending is listed (due or not), so a message that is not due yet holds back the later ones
                // of its investigation in this pass.
                var page = await outbox.ListPendingAsync(after, PageSize, cancellationToken);
                foreach (var pending in page)
                {
                    after = pending.Sequence;
                    var message = pending.Message;
                    if (waiting.Contains(message.InvestigationId)) continue;
                    // A fresh message of a blocked investigation was left here by its publisher, so it follows at once.
                    var heldBack = pending.Attempts == 0 && _blocked.ContainsKey(message.InvestigationId);
                    if (!heldBack && !IsDue(pending, savedBy, dueBy))
                    {
                        waiting.Add(message.InvestigationId);
                        continue;
                    }
                    var error = await RunHandlersAsync(message, cancellationToken);
                    if (error is null)
                    {
                        await MarkDeliveredAsync(message.Id, cancellationToken);
                        delivered++;
                    }
                    else if (!await FailedAsync(message, pending.Attempts, error, cancellationToken))
                    {
                        waiting.Add(message.InvestigationId);
                        _blocked[message.InvestigationId] = pass;
                    }
                }
                if (page.Count < PageSize) break;
            }
            foreach (var (investigationId, since) in _blocked)
            {
                if (since < pass && !waiting.Contains(investigationId)) _blocked.TryRemove(new KeyValuePair<string, long>(investigationId, since));
            }
            await FlushAsync(cancellationToken);
            if (delivered > 0) OrchestrationLog.MessagesRedelivered(logger, delivered);
            return delivered;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        string[] ids;
        lock (_deliveredGate)
        {
            if (_delivered.Count == 0) return;
            ids = [.. _delivered];
            _delivered.Clear();
        }
        await outbox.MarkDeliveredAsync(ids, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        int buffered;
        lock (_deliveredGate) buffered = _delivered.Count;
#pragma warning disable CA1031 // disposal must not throw; marks that cannot be written only mean a redelivery on the next start
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            OrchestrationLog.DeliveredMarksLost(logger, buffered, ex.GetType().Name);
        }
#pragma warning restore CA1031
        _pass.Dispose();
    }

    // A message never attempted belongs to its publisher for the grace period; a failed one waits for its retry time.
    private static bool IsDue(PendingMessage pending, DateTimeOffset savedBy, DateTimeOffset dueBy) =>
        pending.Attempts == 0 ? pending.Message.CreatedAt <= savedBy : (pending.NextAttemptAt ?? DateTimeOffset.MinValue) <= dueBy;

    // Runs every handler of the message's type; a failing one does not stop the others. Returns null when all succeeded,
    // else what failed (handler type, exception type and message) for the retry record and the dead letter.
    private async Task<string?> RunHandlersAsync(BusMessage message, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(message.Type, out var handlers)) return null;
        string? error = null;
        foreach (var handler in handlers.Items)
        {
#pragma warning disable CA1031 // one failing subscriber must not stop delivery to the others; its message is retried
            try
            {
                await handler(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OrchestrationLog.HandlerFailed(logger, message.Type.ToString(), message.InvestigationId, ex.GetType().Name);
                error ??= $"{handler.Method.DeclaringType?.Name ?? "handler"} failed: {ex.GetType().Name}: {ex.Message}";
            }
#pragma warning restore CA1031
        }
        return error;
    }

    private async Task MarkDeliveredAsync(string messageId, CancellationToken cancellationToken)
    {
        lock (_deliveredGate)
        {
            _delivered.Add(messageId);
            if (_delivered.Count < options.MarkBatchSize) return;
        }
        await FlushAsync(cancellationToken);
    }

    // Records a failed attempt; returns true when the message was given up (dead-lettered), false when it waits for a retry.
    private async Task<bool> FailedAsync(BusMessage message, int attemptsBefore, string error, CancellationToken cancellationToken)
    {
        var attempt = attemptsBefore + 1;
        if (attempt >= options.MaxAttempts)
        {
            var payload = $"{message.Type} {message.Id} {message.Summary}";
            await outbox.DeadLetterAsync(message.Id, new DeadLetter
            {
                Source = $"bus:{message.Type}",
                Reason = string.Create(CultureInfo.InvariantCulture, $"not delivered after {attempt} attempts: {error}"),
                Payload = payload,
                PayloadSha256 = TextHash.Sha256Hex(payload),
                CreatedAt = time.GetUtcNow(),
            }, cancellationToken);
            OrchestrationLog.MessageDeadLettered(logger, message.Id, message.InvestigationId, attempt);
            return true;
        }
        var delay = Backoff(attempt);
        await outbox.RecordFailureAsync(message.Id, error, time.GetUtcNow() + delay, cancellationToken);
        OrchestrationLog.MessageRetryScheduled(logger, message.Id, attempt, delay.TotalSeconds, message.InvestigationId);
        return false;
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.FirstRetryDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private sealed record ImmutableHandlers(IReadOnlyList<Func<BusMessage, CancellationToken, Task>> Items);
}
