namespace AgenticIR.Core.Notifications;

/// <summary>Where governance events are raised: the notification goes to the outbox with one delivery per target the
/// policy names for its kind, and the delivery pass sends it.</summary>
public interface INotificationSink
{
    /// <summary>Queues the notification (nothing when its key was raised before).</summary>
    Task RaiseAsync(Notification notification, CancellationToken cancellationToken);
}
