namespace AgenticIR.Core.Notifications;

/// <summary>What a delivery attempt came to.</summary>
/// <param name="Delivered">True when it reached its destination (or an earlier attempt's copy was found there).</param>
/// <param name="ExternalRef">The note, entry or action run id; null when none.</param>
/// <param name="Detail">What happened, for the audit record (why it was refused when not delivered).</param>
public sealed record NotificationReceipt(bool Delivered, string? ExternalRef, string Detail)
{
    /// <summary>Delivered as <paramref name="externalRef"/>.</summary>
    public static NotificationReceipt Sent(string? externalRef, string detail) => new(true, externalRef, detail);

    /// <summary>Refused for good (e.g. no such item, no mail binding): not retried.</summary>
    public static NotificationReceipt Refused(string detail) => new(false, null, detail);
}
