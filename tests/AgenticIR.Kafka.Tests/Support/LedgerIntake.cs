using System.Collections.Concurrent;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Kafka.Tests.Support;

/// <summary>An intake with the ledger's contract (one saved entry per input key, whoever asks; a key seen before returns
/// the earlier outcome), recording every call. Shared by several consumers it stands for the store they share. A test can
/// hold back chosen inputs until it releases them.</summary>
internal sealed class LedgerIntake : IAlertIntake
{
    private readonly ConcurrentDictionary<string, IntakeRecord> _ledger = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IntakeCall> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new(StringComparer.Ordinal);

    public IReadOnlyCollection<IntakeCall> Calls => [.. _calls];

    public IReadOnlyDictionary<string, IntakeRecord> Ledger => _ledger;

    /// <summary>Holds the intake of <paramref name="inputKey"/> until <see cref="Release"/>; the returned task completes
    /// when that intake has started.</summary>
    public Task Hold(string inputKey)
    {
        _held[inputKey] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _started[inputKey] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _started[inputKey].Task;
    }

    public void Release(string inputKey)
    {
        if (_held.TryRemove(inputKey, out var gate)) gate.TrySetResult();
    }

    /// <summary>Waits until the ledger holds <paramref name="count"/> entries (polling, with a deadline).</summary>
    public Task WaitForLedgerAsync(int count, CancellationToken cancellationToken) => Until(() => _ledger.Count >= count, $"{count} ledger entries", cancellationToken);

    /// <summary>Waits until intake has been called <paramref name="count"/> times.</summary>
    public Task WaitForCallsAsync(int count, CancellationToken cancellationToken) => Until(() => _calls.Count >= count, $"{count} intake calls", cancellationToken);

    public static async Task Until(Func<bool> condition, string what, CancellationToken cancellationToken, int seconds = 60)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }
        }
    }

    public async Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken)
    {
        if (_started.TryGetValue(inputKey, out var started)) started.TrySetResult();
        if (_held.TryGetValue(inputKey, out var gate)) await gate.Task.WaitAsync(cancellationToken);
        var record = new IntakeRecord
        {
            InputKey = inputKey,
            Status = normalized.Alert is null ? IntakeStatus.DeadLettered : IntakeStatus.Processed,
            Format = normalized.Format,
            Reason = normalized.Error,
            RecordedAt = DateTimeOffset.UnixEpoch,
        };
        var saved = _ledger.GetOrAdd(inputKey, record);
        var already = !ReferenceEquals(saved, record);
        _calls.Enqueue(new IntakeCall(inputKey, raw, normalized, context, already));
        return new IngestOutcome(saved, already, null);
    }

    public Task<IngestOutcome> IngestIntoAsync(string investigationId, string inputKey, RawAlert raw, NormalizationResult normalized, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Kafka inputs are never added to a given investigation");
}
