using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Core.Security;

/// <summary>The one sanitizer of attacker-controlled text placed in Markdown (report files and SOAR notes). Whatever
/// comes in, the output renders as the same visible text and nothing more:
/// <list type="bullet">
/// <item>control, layout and bidirectional characters become visible escapes (<see cref="ControlCharacters"/>), so text
/// cannot break a line, reorder what a reader sees or smuggle terminal sequences;</item>
/// <item>every character Markdown or HTML gives a meaning to is backslash-escaped (<c>\ ` * _ [ ] &lt; &gt; | ~ # ! &amp;</c>),
/// so text opens no link, image, HTML tag, entity, table cell, heading, emphasis or code span;</item>
/// <item>URL schemes and <c>www.</c> are defanged (<c>hxxps://</c>, <c>www[.]</c>), so nothing becomes an autolink, and
/// the indicator values given to the instance are defanged (dots as <c>[.]</c>) wherever they appear;</item>
/// <item>in several-line text no line can start a block (list, heading, quote, rule, numbered item) or a command.</item>
/// </list></summary>
public sealed partial class MarkdownText
{
    private static readonly SearchValues<char> Active = SearchValues.Create("\\`*_[]<>|~#!&");
    private readonly string[] _indicators;
    // Each indicator's defanged form, computed once: every line of a report is defanged against every indicator.
    private readonly string[] _defanged;

    /// <summary>A sanitizer that defangs <paramref name="indicators"/> (URLs, domains, addresses) wherever they appear.</summary>
    public MarkdownText(IEnumerable<string> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        // Longest first, so a URL is defanged whole before the domain inside it.
        _indicators = [.. indicators.Where(v => v.Length > 3).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(v => v.Length)];
        _defanged = [.. _indicators.Select(DefangValue)];
    }

    /// <summary>A sanitizer that defangs only URL schemes and <c>www.</c>.</summary>
    public static MarkdownText Plain { get; } = new([]);

    /// <summary>One line: line breaks become spaces, so a heading, list item or table cell cannot be split.</summary>
    public string Inline(string? text) => Line((text ?? "").ReplaceLineEndings(" "));

    /// <summary>Several lines, each made safe; a line cannot begin a heading, list, quote, rule, numbered item or command.</summary>
    public string Block(string? text) => string.Join("\n", Lines(text).Select(line => GuardLineStart(Line(line))));

    /// <summary>Several lines, each a quote line (<c>&gt; </c>), so no line of the text begins the line it is on: it can
    /// forge neither a command (<c>/approve</c>) nor a marker nor a heading.</summary>
    public string Quote(string? text) => string.Join("\n", Lines(text).Select(line => "> " + Line(line)));

    /// <summary>The defanged form of one indicator value: <c>hxxps://evil[.]example</c>.</summary>
    public static string DefangValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DefangSchemes(value).Replace(".", "[.]", StringComparison.Ordinal);
    }

    private static string[] Lines(string? text) => (text ?? "").ReplaceLineEndings("\n").Split('\n');

    private string Line(string line) => EscapeActive(Defang(ControlCharacters.Escape(line)));

    private string Defang(string text)
    {
        for (var i = 0; i < _indicators.Length; i++)
        {
            // Most lines of a report are short cells that cannot hold the value: skip the search, not just the copy.
            if (text.Length >= _indicators[i].Length) text = text.Replace(_indicators[i], _defanged[i], StringComparison.OrdinalIgnoreCase);
        }
        // URLs that are no indicator (e.g. inside a title) must not become autolinks either.
        return WwwRegex().Replace(DefangSchemes(text), "www[.]");
    }

    private static string DefangSchemes(string text) =>
        SchemeRegex().Replace(text, m => m.Groups[1].Success ? "hxxp" + m.Groups[2].Value + "://" : "fxp://");

    private static string EscapeActive(string text)
    {
        if (text.AsSpan().IndexOfAny(Active) < 0) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Active.Contains(c)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    // '#', '>' and the rest are escaped everywhere; what starts a block only at the start of a line is a list or rule
    // marker (- + =, also under up to three spaces of indent) and a number followed by '.' or ')'. A leading '/' is
    // escaped too, so no line of alert text reads as a command (/approve) where comments are parsed.
    private static string GuardLineStart(string line)
    {
        var match = LineStartRegex().Match(line);
        return match.Success ? line.Insert(match.Groups["mark"].Index, "\\") : line;
    }

    [GeneratedRegex(@"(?i)\b(?:(ht)tp(s?)|ftp)://")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"(?i)\bwww\.")]
    private static partial Regex WwwRegex();

    [GeneratedRegex(@"^ {0,3}(?:(?<mark>[-+=/])|[0-9]{1,9}(?<mark>[.)]))")]
    private static partial Regex LineStartRegex();
}
