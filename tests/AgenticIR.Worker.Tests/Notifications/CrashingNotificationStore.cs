using AgenticIR.Core.Notifications;
using AgenticIR.Worker.Tests.SoarBridge;

namespace AgenticIR.Worker.Tests.Notifications;

/// <summary>A notification store that dies, when told to, just before a delivery is recorded: what was sent is on the
/// SOAR, the outbox does not know it.</summary>
internal sealed class CrashingNotificationStore(INotificationStore inner, CrashingNotificationStore.Switch crash) : INotificationStore
{
    public sealed class Switch
    {
        public bool OnComplete { get; set; }
    }

    public Task<int> EnqueueAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(deliveries, cancellationToken);

    public Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        inner.ClaimDueAsync(now, lease, max, cancellationToken);

    public Task<bool> CompleteAsync(string deliveryKey, NotificationDeliveryState state, string? externalRef, string? error, DateTimeOffset at, CancellationToken cancellationToken) =>
        crash.OnComplete && deliveryKey.Contains("|operations|", StringComparison.Ordinal)
            ? throw new SimulatedCrashException()
            : inner.CompleteAsync(deliveryKey, state, externalRef, error, at, cancellationToken);

    public Task RetryLaterAsync(string deliveryKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.RetryLaterAsync(deliveryKey, nextAttemptAt, error, cancellationToken);

    public Task<IReadOnlyList<NotificationDelivery>> ListAsync(string? notificationKey, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(notificationKey, limit, cancellationToken);

    public Task<NotificationStatistics> ReadStatisticsAsync(CancellationToken cancellationToken) => inner.ReadStatisticsAsync(cancellationToken);
}
