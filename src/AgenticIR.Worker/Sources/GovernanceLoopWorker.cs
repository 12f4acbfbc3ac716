using AgenticIR.Agents.Controls;
using AgenticIR.Agents.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Shadow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>The worker's clockwork: approval timeouts, investigations whose held actions may go on (a kill switch was
/// released), and the shadow comparison of containers handled in shadow mode.</summary>
internal sealed partial class GovernanceLoopWorker(
    ApprovalTimeoutMonitor timeouts, KillSwitchService killSwitches, IInvestigationContinuation continuation, IStateStore store,
    ShadowObserver? shadow, TimeProvider time, ILogger<GovernanceLoopWorker> logger) : BackgroundService
{
    /// <summary>Time between two passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

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
        foreach (var id in await store.ListUnfinishedAsync(cancellationToken))
        {
            if (await store.GetAsync(id, cancellationToken) is not { Stage: InvestigationStage.AwaitingApproval, Plan: { } plan }) continue;
            // Held actions go on only once no switch pauses them; pending ones wait for people, not for this loop.
            if (!plan.Actions.Any(a => a.IsReadyToDispatch)) continue;
            if (await killSwitches.FindEngagedAsync(id, cancellationToken) is not null) continue;
            await continuation.ContinueAsync(id, cancellationToken);
        }
        if (shadow is not null) await shadow.PollOnceAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Governance pass failed; retrying on the next pass")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
