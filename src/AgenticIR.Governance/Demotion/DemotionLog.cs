using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.Demotion;

/// <summary>Log events of automatic demotion. The id is the one the event had before demotion moved out of the Splunk
/// project, so alerts and searches on it keep working.</summary>
internal static partial class DemotionLog
{
    [LoggerMessage(EventId = 1430, EventName = "PlaybookDemoted", Level = LogLevel.Warning,
        Message = "Demoted playbook {Playbook} at severity {Severity} to {Mode}: {Reason}")]
    public static partial void PlaybookDemoted(ILogger logger, string playbook, string severity, string mode, string reason);
}
