using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Governance.Approvals;
using AgenticIR.Governance.Controls;
using AgenticIR.Soar.SplunkSoar.Shadow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>The worker's clockwork: approval timeouts, investigations whose held actions may go on (a kill switch was
/// released), and the shadow comparison of containers handled in shadow mode.</summary>
internal sealed partial class GovernanceLoopWorker(
    ApprovalTimeoutMonitor timeouts, KillSwitchService killSwitches, IGovernanceControlStore controls, IInvestigationContinuation continuation,
    IStateStore store, ShadowObserver? shadow, TimeProvider time, ILogger<GovernanceLoopWorker> logger) : BackgroundService
{
    /// <summary>Time between two passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Unfinished investigations are searched for resumable held actions only after a kill switch was released
    /// (a hold by anything else hands the action back to a human), and at least this often as a safety net, e.g. for a
    /// release the loop missed while the store was unreachable.</summary>
    public static readonly TimeSpan FullScanInterval = TimeSpan.FromMinutes(5);

    // Releases are looked up this far back; a release seen once is remembered until it falls out of the window.
    private static readonly TimeSpan ReleaseWindow = TimeSpan.FromMinutes(10);

    private readonly HashSet<(string Scope, DateTimeOffset ReleasedAt)> _seenReleases = [];
    private DateTimeOffset? _lastScan;

    /// <summary>Investigations read by the last pass's search for held actions (0 when it did not search).</summary>
    public int LastScanned { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
#pragma warning disable CA1031 // loop boundary: one failing pass is logged and the next one retries
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PassFailed(logger, ex);
            }
#pragma warning restore CA1031
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; public for tests.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        await timeouts.ProcessDueAsync(cancellationToken);
        LastScanned = await ShouldScanAsync(cancellationToken) ? await ResumeHeldAsync(cancellationToken) : 0;
        if (shadow is not null) await shadow.PollOnceAsync(cancellationToken);
    }

    private async Task<bool> ShouldScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _seenReleases.RemoveWhere(r => r.ReleasedAt < now - ReleaseWindow);
        var released = false;
        foreach (var entry in await controls.HistoryAsync(now - ReleaseWindow, cancellationToken))
        {
            if (entry.ReleasedAt is { } at && _seenReleases.Add((entry.Scope, at))) released = true;
        }
        // The first pass after a start always searches: a switch may have been released while the worker was down.
        return released || _lastScan is null || now - _lastScan >= FullScanInterval;
    }

    private async Task<int> ResumeHeldAsync(CancellationToken cancellationToken)
    {
        _lastScan = time.GetUtcNow();
        var scanned = 0;
        foreach (var id in await store.ListUnfinishedAsync(cancellationToken))
        {
            scanned++;
            if (await store.GetAsync(id, cancellationToken) is not { Stage: InvestigationStage.AwaitingApproval, Plan: { } plan }) continue;
            // Held actions go on only once no switch pauses them; pending ones wait for people, not for this loop.
            if (!plan.Actions.Any(a => a.IsReadyToDispatch)) continue;
            if (await killSwitches.FindEngagedAsync(id, cancellationToken) is not null) continue;
            await continuation.ContinueAsync(id, cancellationToken);
        }
        return scanned;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Governance pass failed; retrying on the next pass")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
