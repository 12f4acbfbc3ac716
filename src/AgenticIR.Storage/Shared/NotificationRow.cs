using AgenticIR.Core.Notifications;

namespace AgenticIR.Storage.Shared;

/// <summary>The <c>notification_deliveries</c> columns as <see cref="NotificationDeliveryRow{TText}"/> reads them, and
/// the insert parameters of a delivery.</summary>
internal static class NotificationRow
{
    public const string Columns =
        """
        delivery_key AS DeliveryKey, notification_key AS NotificationKey, kind AS Kind, severity AS Severity, subject AS Subject,
        body AS Body, investigation_id AS InvestigationId, raised_at AS RaisedAt, target AS Target, platform AS Platform,
        instance AS Instance, external_id AS ExternalId, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        completed_at AS CompletedAt, external_ref AS ExternalRef, last_error AS LastError
        """;

    /// <summary>The insert parameters of a delivery; <paramref name="text"/> binds the free text (exact on each back end).</summary>
    public static object Parameters(NotificationDelivery d, Func<string?, object?> text) => new
    {
        d.DeliveryKey,
        NotificationKey = d.Notification.Key,
        Kind = NotificationWire.Kind(d.Notification.Kind),
        Severity = NotificationWire.Severity(d.Notification.Severity),
        Subject = text(d.Notification.Subject),
        Body = text(d.Notification.Body),
        d.Notification.InvestigationId,
        RaisedAt = StoreText.Timestamp(d.Notification.At),
        Target = NotificationWire.Target(d.Target),
        d.Platform,
        d.Instance,
        d.ExternalId,
        State = StoreText.Name(d.State),
        d.Attempts,
        NextAttemptAt = StoreText.Timestamp(d.NextAttemptAt),
    };
}
