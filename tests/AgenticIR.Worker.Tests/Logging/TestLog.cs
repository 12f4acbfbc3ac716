using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Tests.Logging;

/// <summary>Source-generated events shaped like the worker's own (<c>[LoggerMessage]</c>, as every project logs).</summary>
internal static partial class TestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Alert {AlertId} merged into investigation {InvestigationId}")]
    public static partial void AlertMerged(ILogger logger, string alertId, string investigationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Input {InputKey} dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string inputKey, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Investigation {InvestigationId} failed in stage {Stage}")]
    public static partial void StageFailed(ILogger logger, string investigationId, string stage, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "HEC refused {Count} events permanently: {Reason}")]
    public static partial void HecRefused(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Metrics delivery failed")]
    public static partial void DeliveryFault(ILogger logger, Exception exception);
}
