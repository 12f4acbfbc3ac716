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

    [LoggerMessage(EventId = 2055, EventName = "HeldElsewhere", Level = LogLevel.Debug,
        Message = "Investigation {InvestigationId} is being run by another live worker; left to it")]
    public static partial void HeldElsewhere(ILogger logger, string investigationId);

    [LoggerMessage(EventId = 2004, EventName = "ConcurrencyRetry", Level = LogLevel.Debug,
        Message = "Investigation {InvestigationId} changed concurrently; retrying with the fresh state")]
    public static partial void ConcurrencyRetry(ILogger logger, string investigationId);

    [LoggerMessage(EventId = 2005, EventName = "Resuming", Level = LogLevel.Information,
        Message = "Resuming {Count} unfinished investigations")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 2050, EventName = "HandlerFailed", Level = LogLevel.Error,
        Message = "Bus handler for {MessageType} failed on investigation {InvestigationId}: {ErrorType}")]
    public static partial void HandlerFailed(ILogger logger, string messageType, string investigationId, string errorType);

    [LoggerMessage(EventId = 2051, EventName = "MessageRetryScheduled", Level = LogLevel.Warning,
        Message = "Message {MessageId} not delivered (attempt {Attempt}); retried after {DelaySeconds} s, later messages of investigation {InvestigationId} wait for it")]
    public static partial void MessageRetryScheduled(ILogger logger, string messageId, int attempt, double delaySeconds, string investigationId);

    [LoggerMessage(EventId = 2052, EventName = "MessageDeadLettered", Level = LogLevel.Error,
        Message = "Message {MessageId} of investigation {InvestigationId} dead-lettered after {Attempt} attempts")]
    public static partial void MessageDeadLettered(ILogger logger, string messageId, string investigationId, int attempt);

    [LoggerMessage(EventId = 2053, EventName = "MessagesRedelivered", Level = LogLevel.Information,
        Message = "Delivered {Count} outbox messages left undelivered")]
    public static partial void MessagesRedelivered(ILogger logger, int count);

    [LoggerMessage(EventId = 2054, EventName = "DeliveredMarksLost", Level = LogLevel.Warning,
        Message = "Could not mark {Count} delivered messages: {ErrorType}; they are delivered again on the next start")]
    public static partial void DeliveredMarksLost(ILogger logger, int count, string errorType);

    [LoggerMessage(EventId = 2006, EventName = "StoodAside", Level = LogLevel.Warning,
        Message = "Investigation {InvestigationId} handed back to its playbook: {Agent} may not run ({Cause})")]
    public static partial void StoodAside(ILogger logger, string investigationId, string agent, string cause);
}
