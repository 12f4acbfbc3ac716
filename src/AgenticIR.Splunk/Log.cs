using Microsoft.Extensions.Logging;

namespace AgenticIR.Splunk;

/// <summary>Splunk project log events (ids 1400–1499). Ids and counts only: never payloads or the token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1400, EventName = "HecBatchDelivered", Level = LogLevel.Debug,
        Message = "Delivered {Count} metrics events to HEC")]
    public static partial void HecBatchDelivered(ILogger logger, int count);

    [LoggerMessage(EventId = 1401, EventName = "HecBatchRetry", Level = LogLevel.Warning,
        Message = "HEC delivery of {Count} events failed (attempt {Attempt}): {Reason}; retrying in {DelayMs} ms")]
    public static partial void HecBatchRetry(ILogger logger, int count, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 1402, EventName = "HecBatchDeadLettered", Level = LogLevel.Error,
        Message = "HEC refused {Count} events permanently: {Reason}; dead-lettered (requeue after fixing the cause)")]
    public static partial void HecBatchDeadLettered(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 1403, EventName = "HecAuthPause", Level = LogLevel.Error,
        Message = "HEC refused the token; pausing delivery for {PauseMs} ms")]
    public static partial void HecAuthPause(ILogger logger, long pauseMs);

    [LoggerMessage(EventId = 1404, EventName = "MetricsDeliveryFault", Level = LogLevel.Error,
        Message = "Metrics delivery loop fault; retrying after the poll interval")]
    public static partial void MetricsDeliveryFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1405, EventName = "MetricsPruned", Level = LogLevel.Debug,
        Message = "Pruned {Count} delivered metrics events from the outbox")]
    public static partial void MetricsPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 1410, EventName = "HeartbeatFault", Level = LogLevel.Error,
        Message = "Agent heartbeat emission failed")]
    public static partial void HeartbeatFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1420, EventName = "MetricsFileRotated", Level = LogLevel.Information,
        Message = "Rotated metrics file {Path}")]
    public static partial void MetricsFileRotated(ILogger logger, string path);
}
