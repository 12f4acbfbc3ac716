using AgenticIR.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.Notifications;

/// <summary>The <c>log</c> target: one warning in the worker's log per notification.</summary>
public sealed partial class LogNotificationDeliverer(ILogger<LogNotificationDeliverer> logger) : INotificationDeliverer
{
    /// <inheritdoc />
    public bool Handles(NotificationDelivery delivery) => delivery?.Target == NotificationTarget.Log;

    /// <inheritdoc />
    public Task<NotificationReceipt> DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var n = delivery.Notification;
        Notified(logger, NotificationWire.Kind(n.Kind), NotificationWire.Severity(n.Severity), n.Key, n.InvestigationId ?? "", n.Subject);
        return Task.FromResult(NotificationReceipt.Sent(null, "written to the worker's log"));
    }

    [LoggerMessage(EventId = 1452, EventName = "Notification", Level = LogLevel.Warning,
        Message = "Notification {Kind} ({Severity}) {NotificationKey} {InvestigationId}: {Subject}")]
    private static partial void Notified(ILogger logger, string kind, string severity, string notificationKey, string investigationId, string subject);
}
