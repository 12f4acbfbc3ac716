namespace AgenticIR.Core.Notifications;

/// <summary>What a notification is about. Wire names (policy keys, audit details) are the snake_case of the member.</summary>
public enum NotificationKind
{
    /// <summary>An approval request had no answer in time and went to the next tier.</summary>
    Escalation,

    /// <summary>An approval request had no answer in time and was held or timed out.</summary>
    ApprovalTimeout,

    /// <summary>A kill switch was engaged (by a person or a policy trigger).</summary>
    KillSwitchEngaged,

    /// <summary>A kill switch was released by a named person.</summary>
    KillSwitchReleased,

    /// <summary>An agent's health breaker (or a dispatch circuit breaker) tripped.</summary>
    BreakerTripped,

    /// <summary>An agent's health breaker closed again.</summary>
    BreakerRecovered,

    /// <summary>A graduated playbook was demoted from autonomous.</summary>
    Demotion,
}
