using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>Makes text that may come from an alert (attacker-controlled) safe inside our notes: Markdown and HTML
/// controls are escaped, links defanged, and no such text can start a line, so it can neither forge a
/// <c>/approve</c> line, our hidden marker, a heading or a table row, nor render a live link.</summary>
internal static partial class SafeMarkdown
{
    private const string Controls = "\\`*_[]<>|~#!";

    /// <summary>One line: line breaks become spaces.</summary>
    public static string Inline(string? text) => Escape(Defang((text ?? "").ReplaceLineEndings(" ")));

    /// <summary>Several lines, each rendered as a quote line, so none can begin a command, heading or list.</summary>
    public static string Quote(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        return string.Join("\n", lines.Select(line => "> " + Escape(Defang(line))));
    }

    /// <summary>A number with two decimals.</summary>
    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A UTC time, second precision.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An enum as its snake_case wire name.</summary>
    public static string Wire<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Defang(string text) => WwwRegex().Replace(SchemeRegex().Replace(text, m => m.Groups[1].Success ? "hxxp" + m.Groups[2].Value + "://" : "fxp://"), "www[.]");

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c)) { sb.Append(' '); continue; }
            if (Controls.Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"(?i)\b(?:(ht)tp(s?)|ftp)://")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"(?i)\bwww\.")]
    private static partial Regex WwwRegex();
}
