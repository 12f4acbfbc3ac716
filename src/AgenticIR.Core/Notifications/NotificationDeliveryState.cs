namespace AgenticIR.Core.Notifications;

/// <summary>Where one delivery of a notification stands.</summary>
public enum NotificationDeliveryState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>Delivered; never sent again.</summary>
    Delivered,

    /// <summary>Given up (attempts exhausted, or the destination refused it); never sent again.</summary>
    Failed,
}
