namespace AgenticIR.Core.Notifications;

/// <summary>How urgent a notification is.</summary>
public enum NotificationSeverity
{
    /// <summary>For the record (a switch released, an agent recovered).</summary>
    Info,

    /// <summary>Someone should look soon (an escalation, a demotion).</summary>
    Warning,

    /// <summary>Someone must act now (a kill switch, a tripped breaker).</summary>
    Critical,
}
