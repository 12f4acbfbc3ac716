using System.Collections.Concurrent;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.Approvals.Delegation;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>The agents beside one Splunk SOAR instance. Each cycle: take new containers and artifacts (the orchestrator
/// runs them to rest), write back every linked investigation that changed, apply approval comments, hand actions to the
/// SOAR's asset approvers and read their answers back (when the instance delegates approvals), and write back what the
/// answers changed. A SOAR outage ends the cycle where it is (cursors and ledgers only move after success,
/// so the next cycle resumes there); refused credentials stop this instance's bridge for good.</summary>
internal sealed class SplunkSoarBridge(
    string instance,
    TimeSpan pollInterval,
    ContainerPoller intake,
    WriteBackService writeBack,
    ApprovalCommentPoller approvals,
    AssetApproverPass? assetApprovers,
    ISoarBridgeStore store,
    IStateStore state,
    TimeProvider time,
    ILogger<SplunkSoarBridge> logger,
    int writeBackParallelism = SplunkSoarBridgeOptions.DefaultWriteBackParallelism) : IDisposable
{
    // Investigation id → version last written back. Empty after a restart, so every linked investigation is checked
    // once then; the ledger makes that check free of SOAR calls when nothing changed.
    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _cycle = new(1, 1);
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
            var taken = await intake.PollOnceAsync(instance, cancellationToken);
            var written = await WriteBackChangedAsync(cancellationToken);
            var answered = await approvals.PollOnceAsync(instance, cancellationToken);
            var delegated = assetApprovers is null ? [] : await assetApprovers.PassAsync(instance, cancellationToken);
            if (answered.Investigations.Count > 0 || delegated.Count > 0) written += await WriteBackChangedAsync(cancellationToken);
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

    private async Task<WriteBackResult> WriteBackChangedAsync(CancellationToken cancellationToken)
    {
        var total = WriteBackResult.None;
        var gate = new Lock();
        var ids = (await store.ListLinksAsync(instance, cancellationToken)).Select(l => l.InvestigationId).Distinct(StringComparer.Ordinal);
        // Investigations write into different containers, so several go at once: the cycle is bound by the SOAR's
        // latency, not by this process. The first failure (the SOAR went down) ends the cycle as before.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = writeBackParallelism, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if (await state.GetAsync(id, ct) is not { } record) return;
                if (_written.TryGetValue(id, out var version) && version == record.Version) return;
                var result = await writeBack.SyncAsync(record, ct);
                lock (gate) total += result;
                if (result.Refused == 0) _written[id] = record.Version;
            });
        return total;
    }

    /// <inheritdoc />
    public void Dispose() => _cycle.Dispose();
}
