namespace AgenticIR.Core.Notifications;

/// <summary>The notification outbox by state, for <c>agentic-ir status</c>.</summary>
/// <param name="Pending">Deliveries not yet delivered nor given up.</param>
/// <param name="Delivered">Deliveries delivered (until retention removes them).</param>
/// <param name="Failed">Deliveries given up after their last attempt (until retention removes them).</param>
/// <param name="OldestPendingRaisedAt">When the event of the oldest pending delivery was raised; null when none is pending.</param>
public sealed record NotificationStatistics(long Pending, long Delivered, long Failed, DateTimeOffset? OldestPendingRaisedAt)
{
    /// <summary>An empty outbox.</summary>
    public static NotificationStatistics None { get; } = new(0, 0, 0, null);
}
