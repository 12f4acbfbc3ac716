namespace AgenticIR.Core.Notifications;

/// <summary>One notification to one destination: the unit the store keeps and the delivery pass sends at most once.</summary>
public sealed record NotificationDelivery
{
    /// <summary>Notification key, target and destination: unique in the store.</summary>
    public required string DeliveryKey { get; init; }

    /// <summary>What to say.</summary>
    public required Notification Notification { get; init; }

    /// <summary>Which channel.</summary>
    public required NotificationTarget Target { get; init; }

    /// <summary>SOAR platform (<c>splunk_soar</c>, <c>xsoar</c>); empty for the log.</summary>
    public string Platform { get; init; } = "";

    /// <summary>SOAR instance name; empty for the log.</summary>
    public string Instance { get; init; } = "";

    /// <summary>The container or incident id for a note on the affected item (and mail sent from it); null for the
    /// operations item and the log.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Where it stands.</summary>
    public NotificationDeliveryState State { get; init; } = NotificationDeliveryState.Pending;

    /// <summary>Attempts started so far (a claim counts as one).</summary>
    public int Attempts { get; init; }

    /// <summary>Not attempted before this time.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>When it was delivered or given up; null while pending.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The note, entry or action run id it became; null until delivered.</summary>
    public string? ExternalRef { get; init; }

    /// <summary>Why the last attempt failed; null when none did.</summary>
    public string? LastError { get; init; }

    /// <summary>The key of a delivery of <paramref name="notification"/> to one destination.</summary>
    public static string KeyOf(Notification notification, NotificationTarget target, string platform, string instance, string? externalId)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var destination = target == NotificationTarget.Log ? "" : $"{platform}:{instance}" + (externalId is null ? "" : ":" + externalId);
        return $"{notification.Key}|{NotificationWire.Target(target)}|{destination}";
    }
}
