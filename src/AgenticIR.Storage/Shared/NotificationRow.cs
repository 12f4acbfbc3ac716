using AgenticIR.Core.Notifications;

namespace AgenticIR.Storage.Shared;

/// <summary>A <c>notification_deliveries</c> row as Dapper reads it (subject, body and error as text on SQLite; the
/// PostgreSQL store converts its bytea first).</summary>
internal sealed class NotificationRow
{
    public const string Columns =
        """
        delivery_key AS DeliveryKey, notification_key AS NotificationKey, kind AS Kind, severity AS Severity, subject AS Subject,
        body AS Body, investigation_id AS InvestigationId, raised_at AS RaisedAt, target AS Target, platform AS Platform,
        instance AS Instance, external_id AS ExternalId, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        completed_at AS CompletedAt, external_ref AS ExternalRef, last_error AS LastError
        """;

    public string DeliveryKey { get; set; } = "";
    public string NotificationKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Severity { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string? InvestigationId { get; set; }
    public string RaisedAt { get; set; } = "";
    public string Target { get; set; } = "";
    public string Platform { get; set; } = "";
    public string Instance { get; set; } = "";
    public string? ExternalId { get; set; }
    public string State { get; set; } = "";
    public long Attempts { get; set; }
    public string NextAttemptAt { get; set; } = "";
    public string? CompletedAt { get; set; }
    public string? ExternalRef { get; set; }
    public string? LastError { get; set; }

    public NotificationDelivery ToDelivery() => new()
    {
        DeliveryKey = DeliveryKey,
        Notification = new Notification
        {
            Key = NotificationKey,
            Kind = NotificationWire.ParseKind(Kind),
            Severity = NotificationWire.ParseSeverity(Severity),
            Subject = Subject,
            Body = Body,
            InvestigationId = InvestigationId,
            At = StoreText.ParseTimestamp(RaisedAt),
        },
        Target = NotificationWire.ParseTarget(Target),
        Platform = Platform,
        Instance = Instance,
        ExternalId = ExternalId,
        State = StoreText.Parse<NotificationDeliveryState>(State),
        Attempts = (int)Attempts,
        NextAttemptAt = StoreText.ParseTimestamp(NextAttemptAt),
        CompletedAt = CompletedAt is null ? null : StoreText.ParseTimestamp(CompletedAt),
        ExternalRef = ExternalRef,
        LastError = LastError,
    };

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
