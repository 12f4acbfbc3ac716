using System.Threading.Channels;
using AgenticIR.Core.State;

namespace AgenticIR.Kafka.Consuming;

internal sealed partial class KafkaConsumerWorker
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(30);

    private async Task RunLaneAsync(Channel<KafkaWork> lane)
    {
        await foreach (var work in lane.Reader.ReadAllAsync())
        {
            try
            {
                // A message of a revoked partition that has not started is left to the partition's next owner.
                if (!work.Progress.TryStart()) continue;
                var saved = false;
                try
                {
                    saved = await TakeAsync(work, _processing.Token);
                }
                finally
                {
                    work.Progress.Finish(work.Input.Origin.Offset.Value, saved);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    // True once the intake is saved (and its dead-letter copy made or given up). An intake that throws (the store is
    // unreachable) is retried with backoff: its offset, and every later one of its partition, waits uncommitted.
    private async Task<bool> TakeAsync(KafkaWork work, CancellationToken cancellationToken)
    {
        var input = work.Input;
        var context = new IngestContext(Playbook: null, Source: null, DefaultMode: _settings.Mode);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await _intake.IngestAsync(input.Key, input.Raw, input.Normalized, context, cancellationToken);
                var deadLettered = outcome.Intake.Status == IntakeStatus.DeadLettered;
                _status.IntakeSaved(outcome.Intake.Status, outcome.AlreadyRecorded);
                if (deadLettered && _deadLetters is not null)
                    await _deadLetters.CopyAsync(input, outcome.Intake.Reason ?? input.Normalized.Error ?? "dead-lettered", cancellationToken);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log.IntakeCancelled(_logger, input.Origin.Topic, input.Origin.Partition.Value, input.Origin.Offset.Value);
                return false;
            }
#pragma warning disable CA1031 // Boundary of one message: any fault is logged and retried, never lost or allowed to stop the lane.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (work.Progress.IsRevoked) return false;
                var delay = TimeSpan.FromTicks(Math.Min(LastRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempt - 1, 16)));
                Log.IntakeRetry(_logger, ex, input.Origin.Topic, input.Origin.Partition.Value, input.Origin.Offset.Value, attempt, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }
}
