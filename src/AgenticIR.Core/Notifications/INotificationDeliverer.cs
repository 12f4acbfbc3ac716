namespace AgenticIR.Core.Notifications;

/// <summary>Sends deliveries of some targets. May throw <see cref="Soar.SoarOutageException"/> when the SOAR cannot be
/// reached: the delivery is retried with backoff.</summary>
public interface INotificationDeliverer
{
    /// <summary>True for the targets (and platforms) this deliverer sends.</summary>
    bool Handles(NotificationDelivery delivery);

    /// <summary>Sends one delivery. A delivery started before (its claim lapsed mid-way) must not be sent twice: the
    /// deliverer looks for what the earlier attempt left before sending again.</summary>
    Task<NotificationReceipt> DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken);
}
