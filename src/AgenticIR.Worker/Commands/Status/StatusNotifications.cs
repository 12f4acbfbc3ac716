namespace AgenticIR.Worker.Commands.Status;

/// <summary>The notification outbox by state (docs/operations.md, "Notifications").</summary>
/// <param name="Pending">Not yet delivered nor given up.</param>
/// <param name="Delivered">Delivered and not yet removed by retention.</param>
/// <param name="Failed">Given up after the last attempt and not yet removed by retention.</param>
/// <param name="OldestPendingAgeSeconds">Seconds since the oldest pending delivery's event was raised; null when none is pending.</param>
internal sealed record StatusNotifications(long Pending, long Delivered, long Failed, long? OldestPendingAgeSeconds);
