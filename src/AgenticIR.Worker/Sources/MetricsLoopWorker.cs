using AgenticIR.Governance.Demotion;
using AgenticIR.Splunk.Emission;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>The graduation clockwork of <c>run</c>: emits the shadow comparisons observed since the last pass (when
/// metrics are on), then demotes graduated playbooks whose live agreement fell below the policy's floor.</summary>
internal sealed partial class MetricsLoopWorker(DemotionWorker demotion, TimeProvider time, ILogger<MetricsLoopWorker> logger,
    ShadowMetricsEmitter? shadow = null) : BackgroundService
{
    /// <summary>Time between two passes; demotion judges a 7-day window, so a minute changes little.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await PassAsync(stoppingToken);
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

    /// <summary>One pass; a failing half is logged and does not stop the other. Returns the shadow events emitted and the
    /// demotions recorded.</summary>
    public async Task<(int Emitted, int Demoted)> PassAsync(CancellationToken cancellationToken)
    {
        var emitted = 0;
        var demoted = 0;
#pragma warning disable CA1031 // loop boundary: a failing pass is logged and the next one retries
        try
        {
            if (shadow is not null) emitted = await shadow.PassAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ShadowEmissionFailed(logger, ex);
        }
        try
        {
            demoted = (await demotion.PassAsync(cancellationToken)).Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DemotionFailed(logger, ex);
        }
#pragma warning restore CA1031
        return (emitted, demoted);
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Shadow comparison metrics pass failed; retrying on the next pass")]
    private static partial void ShadowEmissionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Demotion pass failed; retrying on the next pass")]
    private static partial void DemotionFailed(ILogger logger, Exception exception);
}
