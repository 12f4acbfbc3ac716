using AgenticIR.Core.Notifications;

namespace AgenticIR.Storage.Shared;

/// <summary>A <c>notification_deliveries</c> row as Dapper reads it: subject, body and error are text on SQLite and bytea
/// on PostgreSQL (exact text, NUL included), hence <typeparamref name="TText"/>; <c>Seq</c> is read only where the order
/// matters.</summary>
internal sealed class NotificationDeliveryRow<TText> where TText : class
{
    public string DeliveryKey { get; set; } = "";
    public string NotificationKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Severity { get; set; } = "";
    public TText Subject { get; set; } = null!;
    public TText Body { get; set; } = null!;
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
    public TText? LastError { get; set; }
    public long Seq { get; set; }

    /// <summary>The delivery; <paramref name="text"/> reads a free-text column as stored on this back end.</summary>
    public NotificationDelivery ToDelivery(Func<TText, string> text) => new()
    {
        DeliveryKey = DeliveryKey,
        Notification = new Notification
        {
            Key = NotificationKey,
            Kind = NotificationWire.ParseKind(Kind),
            Severity = NotificationWire.ParseSeverity(Severity),
            Subject = text(Subject),
            Body = text(Body),
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
        LastError = LastError is null ? null : text(LastError),
    };
}
