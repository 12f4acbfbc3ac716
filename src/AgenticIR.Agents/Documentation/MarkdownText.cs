using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Agents.Documentation;

/// <summary>Makes untrusted text safe to place in Markdown: indicators are defanged (hxxps, [.]) so nothing renders as
/// a live link, and control characters are escaped so alert content cannot open links, images, tables or HTML.</summary>
internal sealed partial class MarkdownText(IReadOnlyList<string> indicators)
{
    private const string Controls = "\\|`*_[]<>";

    /// <summary>One line: line breaks become spaces so a cell or heading cannot be split.</summary>
    public string Inline(string? text) => Escape(Defang((text ?? "").ReplaceLineEndings(" ")));

    /// <summary>Several lines, each escaped; a line cannot start a heading, list or quote.</summary>
    public string Block(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(line =>
        {
            var safe = Escape(Defang(line));
            return safe.Length > 0 && "#-+=>".Contains(safe[0], StringComparison.Ordinal) ? "\\" + safe : safe;
        });
        return string.Join("\n", lines);
    }

    /// <summary>The defanged form of one indicator value.</summary>
    public static string DefangValue(string value) =>
        SchemeRegex().Replace(value, m => m.Groups[1].Value.Length > 0 ? "hxxp" + m.Groups[2].Value + "://" : "fxp://")
            .Replace(".", "[.]", StringComparison.Ordinal);

    private string Defang(string text)
    {
        foreach (var value in indicators)
            text = text.Replace(value, DefangValue(value), StringComparison.OrdinalIgnoreCase);
        // URLs that are no observable (e.g. inside a title) must not become autolinks either.
        text = SchemeRegex().Replace(text, m => m.Groups[1].Value.Length > 0 ? "hxxp" + m.Groups[2].Value + "://" : "fxp://");
        return WwwRegex().Replace(text, "www[.]");
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
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
