using AgenticIR.Agents.Bus;
using AgenticIR.Core.Bus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>Keeps the outbox moving in <c>run</c>: a first pass at start delivers everything a killed process left
/// pending, then every <see cref="Interval"/> a pass retries messages whose retry is due (and those another process saved
/// but did not deliver) and writes the delivered marks still buffered. On stop the buffered marks are written. With
/// several workers, the passes run on the one holding the outbox lease (the bus asks its gate).</summary>
internal sealed partial class OutboxWorker(IMessageBus bus, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>Time between two passes.</summary>
    public static readonly TimeSpan Interval = InProcessMessageBus.RedeliveryInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
#pragma warning disable CA1031 // loop boundary: one failing pass (the store unreachable) is logged and the next one retries
            try
            {
                await bus.RedeliverAsync(stoppingToken);
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
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await bus.FlushAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Error, Message = "Outbox delivery pass failed; retrying on the next pass")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
