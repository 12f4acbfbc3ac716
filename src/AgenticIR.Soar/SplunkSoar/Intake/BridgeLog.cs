using AgenticIR.Core.State;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>Source-generated log events of the Splunk SOAR bridge (event ids 5200–5249). Instance names, ids and
/// counts only: never alert content, comment text or secrets.</summary>
internal static partial class BridgeLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information,
        Message = "Splunk SOAR {Instance}: container {ContainerId} taken under playbook entry {Playbook} ({Status}, investigation {InvestigationId})")]
    public static partial void ContainerTaken(ILogger logger, string instance, long containerId, string playbook, IntakeStatus status, string? investigationId);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug,
        Message = "Splunk SOAR {Instance}: container {ContainerId} left alone: no playbook entry applies")]
    public static partial void ContainerUnmatched(ILogger logger, string instance, long containerId);

    [LoggerMessage(EventId = 5210, Level = LogLevel.Debug,
        Message = "Splunk SOAR {Instance}: container {ContainerId} left alone: playbook entry {Playbook} is off")]
    public static partial void ContainerOff(ILogger logger, string instance, long containerId, string playbook);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information,
        Message = "Splunk SOAR {Instance}: {Count} new artifacts of container {ContainerId} added to investigation {InvestigationId} ({Status})")]
    public static partial void ArtifactsAdded(ILogger logger, string instance, long containerId, int count, string investigationId, IntakeStatus status);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Debug,
        Message = "Splunk SOAR {Instance}: investigation {InvestigationId} written back to container {ContainerId}: {Created} created, {Updated} updated, {Adopted} adopted")]
    public static partial void WrittenBack(ILogger logger, string instance, string investigationId, long containerId, int created, int updated, int adopted);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information,
        Message = "Splunk SOAR {Instance}: comment {CommentId} on container {ContainerId} answered action {ActionId} of {InvestigationId}: {Outcome}")]
    public static partial void CommentAnswered(ILogger logger, string instance, long commentId, long containerId, string actionId, string investigationId, string outcome);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning,
        Message = "Splunk SOAR {Instance} is unavailable; the cycle stops here and resumes from the same point next time: {Reason}")]
    public static partial void Unavailable(ILogger logger, string instance, string reason);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Error,
        Message = "Splunk SOAR {Instance} refused our credentials (HTTP {Status}); the bridge for this instance is stopped until its token is fixed and the worker restarted")]
    public static partial void Stopped(ILogger logger, string instance, int status);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Warning,
        Message = "Splunk SOAR {Instance}: write-back of investigation {InvestigationId} to container {ContainerId} refused by the SOAR (HTTP {Status}); retried next cycle")]
    public static partial void WriteRefused(ILogger logger, string instance, string investigationId, long containerId, int status);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Error,
        Message = "Splunk SOAR {Instance}: bridge cycle failed; the next cycle retries from the same point")]
    public static partial void CycleFailed(ILogger logger, string instance, Exception exception);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Information,
        Message = "{ActionId} of {InvestigationId} handed to Splunk SOAR's asset approvers as action_run {ActionRunId}")]
    public static partial void HandedOver(ILogger logger, string actionId, string investigationId, string actionRunId);

    [LoggerMessage(EventId = 5213, Level = LogLevel.Information,
        Message = "{ActionId} of {InvestigationId} stays with this worker's approvers: {Reason}")]
    public static partial void KeptHere(ILogger logger, string actionId, string investigationId, string reason);
}
