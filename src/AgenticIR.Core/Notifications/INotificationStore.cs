namespace AgenticIR.Core.Notifications;

/// <summary>The notification outbox shared by every worker on the store: each delivery is inserted once by its key and
/// claimed by one worker at a time, so a notification is delivered at most once across restarts and workers.</summary>
public interface INotificationStore
{
    /// <summary>Inserts the deliveries whose key is new; returns how many were inserted (a second raise of the same event
    /// inserts nothing).</summary>
    Task<int> EnqueueAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> pending deliveries due at <paramref name="now"/> whose earlier claim
    /// (if any) has lapsed: each is returned with its attempt counted and is hidden from other claims for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Records the final state (<see cref="NotificationDeliveryState.Delivered"/> or <see cref="NotificationDeliveryState.Failed"/>);
    /// false when the delivery was already final.</summary>
    Task<bool> CompleteAsync(string deliveryKey, NotificationDeliveryState state, string? externalRef, string? error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Releases the claim and schedules the next attempt.</summary>
    Task RetryLaterAsync(string deliveryKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Deliveries, oldest first, optionally only those of one notification key.</summary>
    Task<IReadOnlyList<NotificationDelivery>> ListAsync(string? notificationKey, int limit, CancellationToken cancellationToken);

    /// <summary>Deliveries by state and the oldest pending one's event time.</summary>
    Task<NotificationStatistics> ReadStatisticsAsync(CancellationToken cancellationToken);
}
