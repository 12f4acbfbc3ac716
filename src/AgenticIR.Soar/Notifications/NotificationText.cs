using System.Globalization;
using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Notifications;

/// <summary>How a notification reads on a SOAR and in mail. Subject and body may quote alert or operator text: the subject
/// is one escaped line and the body quoted line by line (the write-back's sanitizer), with the investigation's addresses,
/// domains and URLs defanged, so nothing in them becomes a link, a heading, a command or a marker.</summary>
internal static class NotificationText
{
    /// <summary>Prefix of the first line of every notification note or entry.</summary>
    public const string MarkerPrefix = "<!-- agentic-ir:notification:";

    /// <summary>The first line of the note or entry of a delivery: a hash of its key, so a retry finds an earlier copy.</summary>
    public static string Marker(NotificationDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return MarkerPrefix + TextHash.Sha256Hex(delivery.DeliveryKey)[..32] + " -->";
    }

    /// <summary>True when <paramref name="content"/> is this delivery's note or entry.</summary>
    public static bool IsCopyOf(string? content, NotificationDelivery delivery) =>
        content is not null && content.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim() == Marker(delivery);

    /// <summary>Note title on Splunk SOAR.</summary>
    public static string Title(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return $"AgenticIR · Notification · {Label(notification.Kind)}";
    }

    /// <summary>The markdown of a note or war-room entry.</summary>
    public static string Markdown(NotificationDelivery delivery, InvestigationRecord? record)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var n = delivery.Notification;
        var safe = Sanitizer(record);
        var md = new StringBuilder();
        md.AppendLine(Marker(delivery));
        md.Append("## AgenticIR notification: ").AppendLine(safe.Inline(n.Subject)).AppendLine();
        md.Append("**").Append(Label(n.Kind)).Append("** · severity **").Append(NotificationWire.Severity(n.Severity))
            .Append("** · ").Append(n.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        if (n.InvestigationId is { } id) md.Append(" · investigation ").Append(safe.Inline(id));
        md.AppendLine().AppendLine();
        md.AppendLine(safe.Quote(n.Body));
        return md.ToString();
    }

    /// <summary>The mail subject: one line, prefixed so people can filter it.</summary>
    public static string MailSubject(Notification notification, InvestigationRecord? record)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return "[AgenticIR] " + Sanitizer(record).Inline(notification.Subject);
    }

    /// <summary>The mail body: the quoted body and where to look.</summary>
    public static string MailBody(NotificationDelivery delivery, InvestigationRecord? record)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var n = delivery.Notification;
        var safe = Sanitizer(record);
        var text = new StringBuilder();
        text.Append(Label(n.Kind)).Append(", severity ").Append(NotificationWire.Severity(n.Severity)).Append(", ")
            .AppendLine(n.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        text.AppendLine(safe.Inline(n.Subject)).AppendLine();
        text.AppendLine(safe.Quote(n.Body)).AppendLine();
        text.Append(n.InvestigationId is null
            ? "See the operations item on the SOAR for every AgenticIR notification."
            : "See the item on the SOAR for the investigation's notes.");
        return text.ToString();
    }

    private static MarkdownText Sanitizer(InvestigationRecord? record) => record is null
        ? MarkdownText.Plain
        : new MarkdownText(record.AllObservables
            .Where(o => o.Type is ObservableType.Url or ObservableType.Domain or ObservableType.Ipv4 or ObservableType.Ipv6 or ObservableType.QrPayload)
            .Select(o => o.Value));

    private static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.Escalation => "Approval escalated",
        NotificationKind.ApprovalTimeout => "Approval timed out",
        NotificationKind.KillSwitchEngaged => "Kill switch engaged",
        NotificationKind.KillSwitchReleased => "Kill switch released",
        NotificationKind.BreakerTripped => "Breaker tripped",
        NotificationKind.BreakerRecovered => "Agent recovered",
        _ => "Playbook demoted",
    };
}
