using AgenticIR.Core.Response;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>XSOAR dispatch events (event ids 4460–4469). Ids and names only, never arguments or entry contents.</summary>
internal static partial class XsoarDispatchLog
{
    [LoggerMessage(EventId = 4460, EventName = "XsoarCommandRan", Level = LogLevel.Information,
        Message = "Ran {ActionId} {LogicalAction} of {InvestigationId} as {Command} in XSOAR {Instance} incident {IncidentId} using {UsingInstance}: {Status} (key {DispatchKey})")]
    public static partial void Ran(ILogger logger, string actionId, string logicalAction, string investigationId, string command, string instance,
        string incidentId, string usingInstance, DispatchStatus status, string dispatchKey);

    [LoggerMessage(EventId = 4461, EventName = "XsoarCommandAlreadyRecorded", Level = LogLevel.Information,
        Message = "{ActionId} {LogicalAction} of {InvestigationId} was already dispatched (key {DispatchKey}, {State}); not run again")]
    public static partial void AlreadyRecorded(ILogger logger, string actionId, string logicalAction, string investigationId, string dispatchKey, DispatchLedgerState state);

    [LoggerMessage(EventId = 4462, EventName = "XsoarCommandAdopted", Level = LogLevel.Warning,
        Message = "Found the war-room entries {EntryIds} of key {DispatchKey} after a lost answer; recorded them instead of running the command again")]
    public static partial void Adopted(ILogger logger, string entryIds, string dispatchKey);

    [LoggerMessage(EventId = 4463, EventName = "XsoarCommandRefused", Level = LogLevel.Warning,
        Message = "{ActionId} {LogicalAction} of {InvestigationId} was not run on XSOAR: {Reason}")]
    public static partial void Refused(ILogger logger, string actionId, string logicalAction, string investigationId, string reason);

    [LoggerMessage(EventId = 4464, EventName = "XsoarStaleSendReclaimed", Level = LogLevel.Warning,
        Message = "Dispatch key {DispatchKey} stayed 'sending' past its lease and the war room holds no entry of its command; running it now")]
    public static partial void Reclaimed(ILogger logger, string dispatchKey);
}
