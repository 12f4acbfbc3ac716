using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Dispatch, enrichment and shadow events (Soar range, 1160–1179). Ids and names only, never parameters or results.</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 1160, EventName = "SoarActionSent", Level = LogLevel.Information,
        Message = "Sent {ActionId} {LogicalAction} of {InvestigationId} to Splunk SOAR {Platform}/{Instance} as action_run {ActionRunId} (key {DispatchKey})")]
    public static partial void Sent(ILogger logger, string actionId, string logicalAction, string investigationId, string platform, string instance, long actionRunId, string dispatchKey);

    [LoggerMessage(EventId = 1161, EventName = "SoarActionAlreadyRecorded", Level = LogLevel.Information,
        Message = "{ActionId} {LogicalAction} of {InvestigationId} was already dispatched (key {DispatchKey}, {State}); not sent again")]
    public static partial void AlreadyRecorded(ILogger logger, string actionId, string logicalAction, string investigationId, string dispatchKey, AgenticIR.Core.Response.DispatchLedgerState state);

    [LoggerMessage(EventId = 1162, EventName = "SoarActionAdopted", Level = LogLevel.Warning,
        Message = "Found action_run {ActionRunId} for key {DispatchKey} by name after a lost answer; tracking it instead of re-sending")]
    public static partial void Adopted(ILogger logger, long actionRunId, string dispatchKey);

    [LoggerMessage(EventId = 1163, EventName = "SoarActionFinished", Level = LogLevel.Information,
        Message = "action_run {ActionRunId} (key {DispatchKey}) finished {Status} after {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, long actionRunId, string dispatchKey, string status, long elapsedMs);

    [LoggerMessage(EventId = 1164, EventName = "SoarActionBudgetExhausted", Level = LogLevel.Warning,
        Message = "action_run {ActionRunId} (key {DispatchKey}) was still {Status} after {ElapsedMs} ms; recorded as failed and not re-sent")]
    public static partial void BudgetExhausted(ILogger logger, long actionRunId, string dispatchKey, string status, long elapsedMs);

    [LoggerMessage(EventId = 1165, EventName = "SoarActionRefused", Level = LogLevel.Warning,
        Message = "{ActionId} {LogicalAction} of {InvestigationId} was not sent: {Reason}")]
    public static partial void Refused(ILogger logger, string actionId, string logicalAction, string investigationId, string reason);

    [LoggerMessage(EventId = 1166, EventName = "SoarStaleSendReclaimed", Level = LogLevel.Warning,
        Message = "Dispatch key {DispatchKey} stayed 'sending' past its lease and no run carries its name; sending it now")]
    public static partial void Reclaimed(ILogger logger, string dispatchKey);

    [LoggerMessage(EventId = 1167, EventName = "SoarShadowObservationFailed", Level = LogLevel.Warning,
        Message = "Shadow comparison of {InvestigationId} (container {ContainerId} on {Instance}) skipped this round: {Reason}")]
    public static partial void ShadowSkipped(ILogger logger, string investigationId, string containerId, string instance, string reason);

    [LoggerMessage(EventId = 1168, EventName = "SoarActionRanWithoutApproval", Level = LogLevel.Warning,
        Message = "action_run {ActionRunId} ({ActionId} of {InvestigationId}) was handed to Splunk SOAR's asset approvers but finished without an approval record; check the asset's approvers")]
    public static partial void RanWithoutApproval(ILogger logger, long actionRunId, string actionId, string investigationId);

    [LoggerMessage(EventId = 1169, EventName = "SoarEnrichmentToolOff", Level = LogLevel.Warning,
        Message = "Splunk SOAR {Instance}: enrichment tool {Tool} is not offered to investigations there: {Reason}")]
    public static partial void ToolOff(ILogger logger, string instance, string tool, string reason);

    [LoggerMessage(EventId = 1170, EventName = "SoarEnrichmentToolBack", Level = LogLevel.Information,
        Message = "Splunk SOAR {Instance}: enrichment tool {Tool} can run there again and is offered to investigations")]
    public static partial void ToolBack(ILogger logger, string instance, string tool);

    [LoggerMessage(EventId = 1171, EventName = "SoarEnrichmentToolsUnchecked", Level = LogLevel.Warning,
        Message = "Splunk SOAR {Instance}: the installed apps could not be read to check the enrichment tools (HTTP {Status}); every tool stays offered until the next check")]
    public static partial void ToolsUnchecked(ILogger logger, string instance, int status);
}
