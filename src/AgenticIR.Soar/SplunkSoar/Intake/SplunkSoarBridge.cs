using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.Approvals.Delegation;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>The agents beside one Splunk SOAR instance. Each cycle: deliver what the outbox still holds (so no change
/// a crash left undelivered misses its write-back), take new containers and artifacts (the orchestrator runs them to
/// rest), write back the investigations whose write-back is queued (every change of a linked investigation queues one,
/// see <see cref="WriteBackQueue"/>; unchanged ones are not even read), apply approval comments, hand actions to the
/// SOAR's asset approvers and read their answers back (when the instance delegates approvals), and write back what the
/// answers changed. A SOAR outage ends the cycle where it is (cursors, ledgers and the queue only move after success,
/// so the next cycle resumes there); refused credentials stop this instance's bridge for good. With several workers on one
/// store, a cycle runs only while this worker holds the instance's lease (<see cref="LeaseNames.SoarInstance"/>), renewed
/// before each step: another worker's cycle on the same instance never overlaps, and a worker that lost the lease stops
/// mid-cycle, where the next holder resumes.</summary>
internal sealed class SplunkSoarBridge(
    string instance,
    TimeSpan pollInterval,
    ContainerPoller intake,
    WriteBackService writeBack,
    ApprovalCommentPoller approvals,
    AssetApproverPass? assetApprovers,
    ISoarBridgeStore store,
    IStateStore state,
    IMessageBus bus,
    TimeProvider time,
    ILogger<SplunkSoarBridge> logger,
    IPassGate? gate = null,
    int writeBackParallelism = SplunkSoarBridgeOptions.DefaultWriteBackParallelism) : IDisposable
{
    private readonly SemaphoreSlim _cycle = new(1, 1);
    private readonly IPassGate _gate = gate ?? OpenPassGate.Instance;
    private volatile bool _stopped;

    /// <summary>Instance name.</summary>
    public string Instance => instance;

    /// <summary>Time between cycles (the instance's <c>poll_interval_seconds</c>).</summary>
    public TimeSpan PollInterval => pollInterval;

    /// <summary>True once the SOAR refused our credentials.</summary>
    public bool IsStopped => _stopped;

    /// <summary>One cycle; cycles of one bridge never overlap.</summary>
    public async Task<BridgeCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        if (_stopped) return BridgeCycleResult.Of(BridgeCycleStatus.Stopped);
        await _cycle.WaitAsync(cancellationToken);
        try
        {
            if (!await HoldsLeaseAsync(cancellationToken)) return BridgeCycleResult.Of(BridgeCycleStatus.NotLeased);
            await bus.RedeliverAsync(cancellationToken);
            var taken = await intake.PollOnceAsync(instance, cancellationToken);
            if (!await HoldsLeaseAsync(cancellationToken)) return BridgeCycleResult.Of(BridgeCycleStatus.NotLeased) with { ContainersTaken = taken.ContainersTaken };
            var written = await WriteBackQueuedAsync(cancellationToken);
            if (!await HoldsLeaseAsync(cancellationToken)) return BridgeCycleResult.Of(BridgeCycleStatus.NotLeased) with { ContainersTaken = taken.ContainersTaken, Written = written };
            var answered = await approvals.PollOnceAsync(instance, cancellationToken);
            var delegated = assetApprovers is null ? [] : await assetApprovers.PassAsync(instance, cancellationToken);
            if (answered.Investigations.Count > 0 || delegated.Count > 0) written += await WriteBackQueuedAsync(cancellationToken);
            return new BridgeCycleResult(BridgeCycleStatus.Completed, taken.ContainersTaken, taken.ArtifactUpdates, written, answered.CommandsProcessed, taken.MoreWaiting);
        }
        catch (SoarUnavailableException ex)
        {
            BridgeLog.Unavailable(logger, instance, ex.Message);
            return BridgeCycleResult.Of(BridgeCycleStatus.Unavailable);
        }
        catch (SoarUnauthorizedException ex)
        {
            _stopped = true;
            BridgeLog.Stopped(logger, instance, ex.Status);
            return BridgeCycleResult.Of(BridgeCycleStatus.Stopped);
        }
        finally
        {
            _cycle.Release();
        }
    }

    /// <summary>Runs cycles every <see cref="PollInterval"/> (at once again when intake left containers waiting) until
    /// cancelled or stopped.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_stopped)
        {
            BridgeCycleResult result;
#pragma warning disable CA1031 // loop boundary: an unexpected failure (e.g. the state store) is logged and the next cycle retries
            try
            {
                result = await RunCycleAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                BridgeLog.CycleFailed(logger, instance, ex);
                result = BridgeCycleResult.Of(BridgeCycleStatus.Unavailable);
            }
#pragma warning restore CA1031
            if (result.Status == BridgeCycleStatus.Stopped) return;
            if (result is { Status: BridgeCycleStatus.Completed, MoreWaiting: true } && result.ContainersTaken > 0) continue;
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

    // Takes or renews the instance's lease (for three poll intervals, at least the worker timeout).
    private Task<bool> HoldsLeaseAsync(CancellationToken cancellationToken) =>
        _gate.TryEnterAsync(LeaseNames.SoarInstance(instance), pollInterval, cancellationToken);

    private async Task<WriteBackResult> WriteBackQueuedAsync(CancellationToken cancellationToken)
    {
        var total = WriteBackResult.None;
        var gate = new Lock();
        var queued = await store.ListQueuedWriteBacksAsync(instance, cancellationToken);
        // Investigations write into different containers, so several go at once: the cycle is bound by the SOAR's
        // latency, not by this process. The first failure (the SOAR went down) ends the cycle with the rest still queued.
        await Parallel.ForEachAsync(queued, new ParallelOptions { MaxDegreeOfParallelism = writeBackParallelism, CancellationToken = cancellationToken },
            async (request, ct) =>
            {
                if (await state.GetAsync(request.InvestigationId, ct) is { } record)
                {
                    var result = await writeBack.SyncAsync(record, ct);
                    lock (gate) total += result;
                    // A refused item stays queued and is tried again next cycle.
                    if (result.Refused > 0) return;
                }
                // Only this request is removed: a change queued meanwhile moved the generation and stays queued.
                await store.CompleteWriteBackAsync(request, ct);
            });
        return total;
    }

    /// <inheritdoc />
    public void Dispose() => _cycle.Dispose();
}
