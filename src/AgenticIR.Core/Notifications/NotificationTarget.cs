namespace AgenticIR.Core.Notifications;

/// <summary>Where a notification is delivered (policy <c>notifications.kinds</c>).</summary>
public enum NotificationTarget
{
    /// <summary>A note (Splunk SOAR) or war-room entry (XSOAR) on the container or incident the investigation came from.</summary>
    SoarNote,

    /// <summary>A note on the operations container (Splunk SOAR) or incident (XSOAR) of every configured instance.</summary>
    Operations,

    /// <summary>Mail through the connectors' mail action, dispatched on the SOAR, to the policy's recipients only.</summary>
    Mail,

    /// <summary>A warning in the worker's log.</summary>
    Log,
}
