using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>Source-generated log events of XSOAR approvals and shadow comparison (event ids 4470–4489). Ids, counts and
/// outcomes only: never entry text or secrets.</summary>
internal static partial class XsoarApprovalLog
{
    [LoggerMessage(EventId = 4470, Level = LogLevel.Information,
        Message = "XSOAR {Instance}: {Source} of incident {IncidentId} answered action {ActionId} of investigation {InvestigationId}: {Outcome}")]
    public static partial void Answered(ILogger logger, string instance, string source, string incidentId, string actionId, string investigationId, string outcome);

    [LoggerMessage(EventId = 4471, Level = LogLevel.Warning,
        Message = "XSOAR {Instance} is unavailable; the approval pass stops here and resumes next time: {Reason}")]
    public static partial void Unavailable(ILogger logger, string instance, string reason);

    [LoggerMessage(EventId = 4472, Level = LogLevel.Warning,
        Message = "XSOAR {Instance}: shadow comparison of investigation {InvestigationId} (incident {IncidentId}) skipped this time: {Reason}")]
    public static partial void ShadowSkipped(ILogger logger, string instance, string investigationId, string incidentId, string reason);
}
