using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Tools;

/// <summary>Builds findings without an id; the investigation loop numbers them (F1, F2…).</summary>
internal static class ToolFinding
{
    public static Finding Create(
        string tool, Observable subject, string title, Verdict verdict, double confidence, string evidence,
        string? kind = null, IReadOnlyList<Observable>? discovered = null, IReadOnlyList<string>? techniques = null,
        DateTimeOffset? observedAt = null) => new()
    {
        Id = "",
        Tool = tool,
        Subject = subject,
        Title = title,
        Verdict = verdict,
        Confidence = Math.Clamp(confidence, 0, 1),
        Evidence = evidence,
        Kind = kind,
        Discovered = discovered?.Where(d => !d.Equals(subject)).Distinct().ToList() ?? [],
        Techniques = techniques ?? [],
        ObservedAt = observedAt,
    };

    /// <summary>An IP observable of the right family.</summary>
    public static Observable Ip(string ip, string? role = null) =>
        new(ip.Contains(':', StringComparison.Ordinal) ? ObservableType.Ipv6 : ObservableType.Ipv4, ip, role);

    /// <summary>Two decimals, invariant: evidence text must read the same on every machine.</summary>
    public static string F(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 UTC.</summary>
    public static string T(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
