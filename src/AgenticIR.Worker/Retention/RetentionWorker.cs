using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Retention;

/// <summary>Runs the retention pass in <c>agentic-ir run</c>: once at start, then every <see cref="RetentionOptions.IntervalMinutes"/>.
/// Several workers may run it at once: each pass deletes only what is past retention, so a second pass finds it gone.</summary>
internal sealed partial class RetentionWorker(RetentionRunner runner, RetentionOptions options, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.IntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
#pragma warning disable CA1031 // loop boundary: a failing pass (the store unreachable) is logged and the next one retries
            try
            {
                var report = await runner.RunAsync(dryRun: false, stoppingToken);
                var s = report.Store;
                PassDone(logger, s.Investigations, s.StageEvents, s.Intake, s.Messages, s.DeadLetters, s.Notifications, report.ReportFiles, report.Audit?.PrunedCount ?? 0);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PassFailed(logger, ex);
            }
#pragma warning restore CA1031
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(EventId = 3140, Level = LogLevel.Information,
        Message = "Retention pass removed {Investigations} investigations, {StageEvents} stage events, {Intake} intake rows, {Messages} messages, {DeadLetters} dead letters, {Notifications} notification deliveries, {ReportFiles} report files, {AuditRecords} audit records")]
    private static partial void PassDone(ILogger logger, long investigations, long stageEvents, long intake, long messages, long deadLetters, long notifications, int reportFiles, long auditRecords);

    [LoggerMessage(EventId = 3141, Level = LogLevel.Error, Message = "Retention pass failed; retrying on the next pass")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
