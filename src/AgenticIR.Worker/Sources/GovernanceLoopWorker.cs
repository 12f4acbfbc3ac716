using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Governance.Health;
using AgenticIR.Governance.Loop;
using AgenticIR.Governance.Notifications;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Xsoar.Approvals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>Runs the worker's clockwork every few seconds: a <see cref="GovernanceLoop"/> pass (approval timeouts,
/// investigations whose held actions may go on), the agent health loop (<see cref="AgentHealthMonitor"/>, on the policy's own interval), then the shadow comparison of
/// containers handled in shadow mode, and last the delivery of due notifications (<see cref="NotificationDeliveryPass"/>). With
/// several workers the timeouts and the shadow comparison each run on the worker holding their lease. For Cortex XSOAR it
/// also reads answers given in XSOAR and compares XSOAR incidents (<see cref="XsoarGovernancePass"/>).</summary>
internal sealed partial class GovernanceLoopWorker(
    GovernanceLoop governance, ShadowObserver? shadow, TimeProvider time, ILogger<GovernanceLoopWorker> logger, IPassGate? gate = null,
    XsoarGovernancePass? xsoar = null, AgentHealthMonitor? health = null, NotificationDeliveryPass? notifications = null) : BackgroundService
{
    /// <summary>Time between two passes.</summary>
    public static readonly TimeSpan Interval = GovernanceLoop.PassInterval;

    /// <summary>Investigations read by the last pass's search for held actions (0 when it did not search).</summary>
    public int LastScanned => governance.LastScanned;

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
        await governance.PassAsync(cancellationToken);
        // Agent health runs on its own (policy) interval; the monitor skips the passes in between.
        if (health is not null) await health.MaybePassAsync(cancellationToken);
        // The comparison reads every SOAR container it follows: one worker at a time does it.
        if (shadow is not null && await (gate ?? OpenPassGate.Instance).TryEnterAsync(LeaseNames.ShadowObserver, Interval, cancellationToken))
            await shadow.PollOnceAsync(cancellationToken);
        if (xsoar is not null) await xsoar.PassAsync(Interval, cancellationToken);
        // Last, so what this pass raised goes out in the same pass; every worker may deliver (each delivery is claimed once).
        if (notifications is not null) await notifications.PassAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Governance pass failed; retrying on the next pass")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
