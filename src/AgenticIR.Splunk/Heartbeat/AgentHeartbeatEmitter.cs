using System.Globalization;
using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Splunk.Heartbeat;

/// <summary>Emits one <c>agent_heartbeat</c> per agent at start and then every <see cref="HeartbeatOptions.Interval"/>.</summary>
public sealed class AgentHeartbeatEmitter(IAgentHealth health, IMetricsSink sink, HeartbeatOptions options, TimeProvider time,
    ILogger<AgentHeartbeatEmitter> logger) : BackgroundService
{
    /// <summary>Samples every agent and emits its heartbeat now.</summary>
    public async Task EmitOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var agent in AgentNames.All)
        {
            var sample = health.Sample(agent);
            var heartbeat = new AgentHeartbeat
            {
                AgentName = agent,
                Status = sample.Status,
                LastActionTime = sample.LastActionTime?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ProcessingTimeMs = Math.Round(sample.ProcessingTimeMs, 3),
                ErrorCount = sample.ErrorCount,
                ProcessedCount = sample.ProcessedCount,
                Worker = options.Worker,
                Time = now,
            };
            await sink.EmitAsync(MetricsRecords.ToEvent(heartbeat), cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        try
        {
            do
            {
                try
                {
                    await EmitOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // Loop boundary: one failed heartbeat must not stop the next ones.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.HeartbeatFault(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
