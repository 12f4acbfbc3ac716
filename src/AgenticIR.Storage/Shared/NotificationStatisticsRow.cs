using AgenticIR.Core.Notifications;

namespace AgenticIR.Storage.Shared;

/// <summary>One state's count in the notification outbox and its oldest event time, as both back ends read them
/// (<see cref="Sql"/>).</summary>
internal sealed class NotificationStatisticsRow
{
    public const string Sql =
        "SELECT state AS State, COUNT(*) AS Count, MIN(raised_at) AS OldestRaisedAt FROM notification_deliveries GROUP BY state;";

    public string State { get; set; } = "";

    public long Count { get; set; }

    public string? OldestRaisedAt { get; set; }

    public static NotificationStatistics ToStatistics(IEnumerable<NotificationStatisticsRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byState = rows.ToDictionary(r => r.State, StringComparer.Ordinal);
        long Count(NotificationDeliveryState state) => byState.GetValueOrDefault(StoreText.Name(state))?.Count ?? 0;
        var oldest = byState.GetValueOrDefault(StoreText.Name(NotificationDeliveryState.Pending))?.OldestRaisedAt;
        return new(Count(NotificationDeliveryState.Pending), Count(NotificationDeliveryState.Delivered), Count(NotificationDeliveryState.Failed),
            oldest is null ? null : StoreText.ParseTimestamp(oldest));
    }
}
