namespace AgenticIR.Core.Policy;

/// <summary>Mail of notifications (policy <c>notifications.mail</c>): sent with a connector's mail binding, dispatched
/// on the SOAR like any action, to these recipients only (no address ever comes from an event or an alert).</summary>
/// <param name="Action">Logical action whose bindings send mail with <c>to</c>, <c>subject</c> and <c>body</c>
/// parameters; default <c>send_notification</c>.</param>
/// <param name="Recipients">Mail addresses.</param>
/// <param name="Instance">SOAR instance that sends mail for global events; null for the first configured one.</param>
public sealed record NotificationMail(string Action, IReadOnlyList<string> Recipients, string? Instance)
{
    /// <summary>The parameters a notification fills in the mail binding (recipients, the event's subject and body); every
    /// binding of <see cref="Action"/> must declare them.</summary>
    public static IReadOnlyList<string> FilledParameters { get; } = ["to", "subject", "body"];
}
