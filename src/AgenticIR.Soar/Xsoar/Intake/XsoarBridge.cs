using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;
using AgenticIR.Core.Workers;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.WriteBack;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>The agents beside one Cortex XSOAR instance. Each cycle, while this worker holds the instance's lease
/// (<see cref="LeaseNames.XsoarInstance"/>, taken or renewed before the pass, so two workers on one store never poll the
/// same instance at once), delivers what the outbox still holds (so no change a crash left undelivered misses its
/// write-back), runs one intake pass (incidents of the enabled <c>platform: xsoar</c> entries, modified at or after the
/// stored cursor, each handed over exactly once; the orchestrator runs it to rest), then writes back the investigations
/// whose write-back is queued (<see cref="XsoarWriteBackQueue"/>; the queue and the write ledger are in the bridge
/// store, so a kill -9 or an outage leaves them for the next cycle). An outage ends the cycle where it is (the cursor
/// only moves past what was handed over); a refused key stops this instance's bridge for good.</summary>
internal sealed class XsoarBridge(string instance, TimeSpan pollInterval, XsoarIncidentPoller intake, TimeProvider time, ILogger<XsoarBridge> logger, IPassGate? gate = null,
    XsoarWriteBack? writeBack = null)
    : IDisposable
{
    private readonly SemaphoreSlim _cycle = new(1, 1);
    private readonly IPassGate _gate = gate ?? OpenPassGate.Instance;
    private volatile bool _stopped;

    /// <summary>Instance name.</summary>
    public string Instance => instance;

    /// <summary>Time between cycles (the instance's <c>poll_interval_seconds</c>).</summary>
    public TimeSpan PollInterval => pollInterval;

    /// <summary>True once XSOAR refused our key.</summary>
    public bool IsStopped => _stopped;

    /// <summary>One cycle; cycles of one bridge never overlap.</summary>
    public async Task<XsoarCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        if (_stopped) return new XsoarCycleResult(XsoarCycleStatus.Stopped);
        await _cycle.WaitAsync(cancellationToken);
        try
        {
            if (!await _gate.TryEnterAsync(LeaseNames.XsoarInstance(instance), pollInterval, cancellationToken))
            {
                XsoarBridgeLog.NotLeased(logger, instance);
                return new XsoarCycleResult(XsoarCycleStatus.NotLeased);
            }
            if (writeBack is not null) await writeBack.Bus.RedeliverAsync(cancellationToken);
            var pass = await intake.PollOnceAsync(cancellationToken);
            if (pass.Taken > 0) XsoarBridgeLog.PassCompleted(logger, instance, pass.Taken, pass.Seen, pass.LeftAlone);
            if (writeBack is null) return new XsoarCycleResult(XsoarCycleStatus.Completed, pass);
            if (!await _gate.TryEnterAsync(LeaseNames.XsoarInstance(instance), pollInterval, cancellationToken))
                return new XsoarCycleResult(XsoarCycleStatus.NotLeased, pass);
            var written = await WriteBackQueuedAsync(writeBack, cancellationToken);
            return new XsoarCycleResult(XsoarCycleStatus.Completed, pass, written);
        }
        catch (XsoarUnavailableException ex)
        {
            XsoarBridgeLog.Unavailable(logger, instance, ex.Reason);
            return new XsoarCycleResult(XsoarCycleStatus.Unavailable);
        }
        catch (XsoarRequestException ex)
        {
            XsoarBridgeLog.Unavailable(logger, instance, $"HTTP {ex.Status}");
            return new XsoarCycleResult(XsoarCycleStatus.Unavailable);
        }
        catch (XsoarUnauthorizedException ex)
        {
            _stopped = true;
            XsoarBridgeLog.Stopped(logger, instance, ex.Status);
            return new XsoarCycleResult(XsoarCycleStatus.Stopped);
        }
        finally
        {
            _cycle.Release();
        }
    }

    /// <summary>Runs a cycle every <see cref="PollInterval"/> until cancelled (the wait and every call end at once) or
    /// stopped.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_stopped)
        {
            XsoarCycleResult result;
#pragma warning disable CA1031 // loop boundary: an unexpected failure (e.g. the state store) is logged and the next cycle retries
            try
            {
                result = await RunCycleAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                XsoarBridgeLog.CycleFailed(logger, instance, ex);
                result = new XsoarCycleResult(XsoarCycleStatus.Unavailable);
            }
#pragma warning restore CA1031
            if (result.Status == XsoarCycleStatus.Stopped) return;
            try
            {
                await Task.Delay(pollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SoarWriteResult> WriteBackQueuedAsync(XsoarWriteBack writeBack, CancellationToken cancellationToken)
    {
        var total = SoarWriteResult.None;
        foreach (var request in await writeBack.Store.ListQueuedWriteBacksAsync(XsoarIntakeNames.CursorKey(instance), cancellationToken))
        {
            if (await writeBack.State.GetAsync(request.InvestigationId, cancellationToken) is { } record)
            {
                var result = await writeBack.Service.SyncAsync(record, cancellationToken);
                total += result;
                // A refused entry stays queued and is tried again next cycle.
                if (result.Refused > 0) continue;
            }
            // Only this request is removed: a change queued meanwhile moved the generation and stays queued.
            await writeBack.Store.CompleteWriteBackAsync(request, cancellationToken);
        }
        return total;
    }

    /// <inheritdoc />
    public void Dispose() => _cycle.Dispose();
}
