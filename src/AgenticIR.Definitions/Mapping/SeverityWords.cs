using System.Collections.Frozen;
using System.Text;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// The severity names vendors write, tolerant of case, separators and a <c>severity</c> prefix or suffix
/// (<c>Very-High</c>, <c>SEVERITY_HIGH</c>, <c>High Severity</c>): the common scale names, syslog levels
/// (<c>error</c> high, <c>warning</c> medium, <c>notice</c> low, <c>debug</c> informational) and P1–P5 priorities.
/// Words that say the severity is not known (<c>unknown</c>, <c>unspecified</c>, <c>other</c>) read as no severity.
/// </summary>
internal static class SeverityWords
{
    private static readonly FrozenDictionary<string, Severity> Names = new Dictionary<string, Severity>
    {
        ["critical"] = Severity.Critical, ["crit"] = Severity.Critical, ["very high"] = Severity.Critical, ["veryhigh"] = Severity.Critical,
        ["urgent"] = Severity.Critical, ["severe"] = Severity.Critical, ["emergency"] = Severity.Critical, ["emerg"] = Severity.Critical,
        ["fatal"] = Severity.Critical, ["highest"] = Severity.Critical, ["p1"] = Severity.Critical,
        ["high"] = Severity.High, ["major"] = Severity.High, ["error"] = Severity.High, ["err"] = Severity.High, ["p2"] = Severity.High,
        ["medium"] = Severity.Medium, ["moderate"] = Severity.Medium, ["med"] = Severity.Medium, ["warning"] = Severity.Medium,
        ["warn"] = Severity.Medium, ["p3"] = Severity.Medium,
        ["low"] = Severity.Low, ["minor"] = Severity.Low, ["notice"] = Severity.Low, ["lowest"] = Severity.Low, ["p4"] = Severity.Low,
        ["informational"] = Severity.Informational, ["info"] = Severity.Informational, ["information"] = Severity.Informational,
        ["debug"] = Severity.Informational, ["verbose"] = Severity.Informational, ["trace"] = Severity.Informational,
        ["none"] = Severity.Informational, ["p5"] = Severity.Informational,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Noise = ["severity", "sev", "level", "risk"];

    /// <summary>The severity a name stands for; null when the name is unknown or says "unknown".</summary>
    public static Severity? Parse(string text)
    {
        var words = Words(text);
        return words.Length > 0 && Names.TryGetValue(words, out var severity) ? severity : null;
    }

    private static string Words(string text)
    {
        if (text.Length > 64) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant()) builder.Append(c is '_' or '-' or '.' ? ' ' : c);
        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Noise.Contains(w)).ToArray();
        return string.Join(' ', words);
    }
}
