using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Workers;
using AgenticIR.Governance.Approvals;
using AgenticIR.Governance.Controls;

namespace AgenticIR.Governance.Loop;

/// <summary>Governance's clockwork, one pass at a time: approval timeouts, then the investigations whose held actions may
/// go on (a kill switch was released). The host runs a pass every <see cref="PassInterval"/>. With several workers on one
/// store the timeouts run only on the worker holding <see cref="LeaseNames.ApprovalTimeouts"/> (<paramref name="gate"/>),
/// so two workers never apply the same timeout at once (each request is also claimed by version).</summary>
public sealed class GovernanceLoop(
    ApprovalTimeoutMonitor timeouts, KillSwitchService killSwitches, IGovernanceControlStore controls, IInvestigationContinuation continuation,
    IStateStore store, TimeProvider time, IPassGate? gate = null)
{
    /// <summary>Time between two passes of the host's loop.</summary>
    public static readonly TimeSpan PassInterval = TimeSpan.FromSeconds(5);

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

    /// <summary>One pass: applies the timeout rules to approvals past their deadline (when this worker holds their lease),
    /// then, when a switch was released (or the safety-net interval passed), continues every investigation with actions
    /// ready to go that no switch pauses.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        if (await (gate ?? OpenPassGate.Instance).TryEnterAsync(LeaseNames.ApprovalTimeouts, PassInterval, cancellationToken))
            await timeouts.ProcessDueAsync(cancellationToken);
        LastScanned = await ShouldScanAsync(cancellationToken) ? await ResumeHeldAsync(cancellationToken) : 0;
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
}
