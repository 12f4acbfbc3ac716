using AgenticIR.Core.State;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Source-generated log events of the orchestrator (event ids 2000–2049). Ids only, never payloads.</summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(EventId = 2000, EventName = "StageCompleted", Level = LogLevel.Debug,
        Message = "Investigation {InvestigationId} reached {Stage}")]
    public static partial void StageCompleted(ILogger logger, string investigationId, InvestigationStage stage);

    [LoggerMessage(EventId = 2001, EventName = "StageFailed", Level = LogLevel.Error,
        Message = "Investigation {InvestigationId} failed in stage {Stage}; it stays at that stage and resumes on restart")]
    public static partial void StageFailed(ILogger logger, string investigationId, InvestigationStage stage, Exception exception);

    [LoggerMessage(EventId = 2002, EventName = "AlertMerged", Level = LogLevel.Information,
        Message = "Alert {AlertId} merged into investigation {InvestigationId} (fingerprint {Fingerprint})")]
    public static partial void AlertMerged(ILogger logger, string alertId, string investigationId, string fingerprint);

    [LoggerMessage(EventId = 2003, EventName = "DeadLettered", Level = LogLevel.Warning,
        Message = "Input {InputKey} dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string inputKey, string reason);

    [LoggerMessage(EventId = 2004, EventName = "ConcurrencyRetry", Level = LogLevel.Debug,
        Message = "Investigation {InvestigationId} changed concurrently; retrying with the fresh state")]
    public static partial void ConcurrencyRetry(ILogger logger, string investigationId);

    [LoggerMessage(EventId = 2005, EventName = "Resuming", Level = LogLevel.Information,
        Message = "Resuming {Count} unfinished investigations")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 2050, EventName = "HandlerFailed", Level = LogLevel.Error,
        Message = "Bus handler for {MessageType} failed on investigation {InvestigationId}: {ErrorType}; message dead-lettered")]
    public static partial void HandlerFailed(ILogger logger, string messageType, string investigationId, string errorType);
}
