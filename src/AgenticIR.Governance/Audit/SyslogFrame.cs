using System.Globalization;
using System.Text;
using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>RFC 5424 framing: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG</c>, no structured data.
/// PRI = facility × 8 + syslog severity; MSGID is the action type. Header fields are printable US-ASCII without spaces, cut
/// to their RFC lengths, and <c>-</c> when empty.</summary>
internal static class SyslogFrame
{
    public static string Wrap(string message, AuditRecord record, int cefSeverity, AuditExportOptions options) =>
        Wrap(message, record.Timestamp, record.Entry.ActionType, cefSeverity, options);

    public static string Wrap(string message, DateTimeOffset time, string messageId, int cefSeverity, AuditExportOptions options)
    {
        if (options.Facility is < 0 or > 23) throw new ArgumentOutOfRangeException(nameof(options), options.Facility, "Syslog facility must be 0–23.");
        var pri = options.Facility * 8 + SyslogSeverity(cefSeverity);
        // RFC 5424 allows at most six fraction digits.
        var timestamp = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"<{pri}>1 {timestamp} {Field(options.HostName, 255)} {Field(options.AppName, 48)} {Field(options.ProcessId, 128)} {Field(messageId, 32)} - {message}");
    }

    /// <summary>CEF 9–10 critical (2), 7–8 warning (4), 4–6 notice (5), 0–3 informational (6).</summary>
    public static int SyslogSeverity(int cefSeverity) => cefSeverity switch
    {
        >= 9 => 2,
        >= 7 => 4,
        >= 4 => 5,
        _ => 6,
    };

    private static string Field(string value, int maxLength)
    {
        var text = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (text.Length == maxLength) break;
            if (c is > ' ' and <= '~') text.Append(c);
        }
        return text.Length == 0 ? "-" : text.ToString();
    }
}
