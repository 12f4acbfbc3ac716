using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>Source-generated log events of the XSOAR bridge (event ids 4420–4439). Instance names and counts only: never
/// incident content or secrets.</summary>
internal static partial class XsoarBridgeLog
{
    [LoggerMessage(EventId = 4420, Level = LogLevel.Information,
        Message = "XSOAR {Instance}: intake pass took {Taken} incident(s), {Seen} already taken, {LeftAlone} left alone")]
    public static partial void PassCompleted(ILogger logger, string instance, int taken, int seen, int leftAlone);

    [LoggerMessage(EventId = 4421, Level = LogLevel.Warning,
        Message = "XSOAR {Instance} is unavailable; the pass stops here and resumes from the stored cursor next time: {Reason}")]
    public static partial void Unavailable(ILogger logger, string instance, string reason);

    [LoggerMessage(EventId = 4422, Level = LogLevel.Error,
        Message = "XSOAR {Instance} refused our API key (HTTP {Status}); the bridge for this instance is stopped until the key is fixed and the worker restarted")]
    public static partial void Stopped(ILogger logger, string instance, int status);

    [LoggerMessage(EventId = 4423, Level = LogLevel.Error,
        Message = "XSOAR {Instance}: the cycle failed; the next one retries from the stored cursor")]
    public static partial void CycleFailed(ILogger logger, string instance, Exception exception);

    [LoggerMessage(EventId = 4424, Level = LogLevel.Debug,
        Message = "XSOAR {Instance}: another worker holds the instance's lease; this cycle asks nothing")]
    public static partial void NotLeased(ILogger logger, string instance);

    [LoggerMessage(EventId = 4425, Level = LogLevel.Warning,
        Message = "XSOAR {Instance}: an entry of investigation {InvestigationId} was refused on incident {IncidentId} (HTTP {Status}); retried next cycle")]
    public static partial void WriteRefused(ILogger logger, string instance, string investigationId, string incidentId, int status);

    [LoggerMessage(EventId = 4426, Level = LogLevel.Information,
        Message = "XSOAR {Instance}: investigation {InvestigationId} written to incident {IncidentId}: {Created} created, {Updated} updated, {Adopted} adopted")]
    public static partial void WrittenBack(ILogger logger, string instance, string investigationId, string incidentId, int created, int updated, int adopted);

    [LoggerMessage(EventId = 4427, Level = LogLevel.Warning,
        Message = "XSOAR {Instance}: setIncident refused the agent fields of investigation {InvestigationId} on incident {IncidentId} (are the agenticir* fields created?); retried next cycle")]
    public static partial void FieldsRefused(ILogger logger, string instance, string investigationId, string incidentId);

    [LoggerMessage(EventId = 4428, Level = LogLevel.Information,
        Message = "XSOAR {Instance}: {Count} new war-room entr(ies) of incident {IncidentId} merged into investigation {InvestigationId}")]
    public static partial void EntriesMerged(ILogger logger, string instance, string incidentId, int count, string investigationId);
}
