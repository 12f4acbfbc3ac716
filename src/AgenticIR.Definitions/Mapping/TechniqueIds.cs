using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Pulls ATT&amp;CK technique ids out of tags and text.</summary>
internal static partial class TechniqueIds
{
    /// <summary>Bare ids (<c>T1105</c>, <c>T1564.003</c>) and Sigma tags (<c>attack.t1105</c>).</summary>
    public static Regex DefaultPattern => Pattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(T\d{4}(?:\.\d{3})?)(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();

    /// <summary>The first match of <paramref name="pattern"/> in <paramref name="text"/> (group 1 when present), or null.</summary>
    public static string? Capture(Regex pattern, string text)
    {
        try
        {
            var match = pattern.Match(text.Length > 4096 ? text[..4096] : text);
            if (!match.Success) return null;
            return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Technique ids found in <paramref name="text"/> by <paramref name="pattern"/> (group 1 when present), upper-cased.</summary>
    public static IEnumerable<string> Find(Regex pattern, string text)
    {
        MatchCollection matches;
        try
        {
            matches = pattern.Matches(text.Length > 4096 ? text[..4096] : text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }
        foreach (Match match in matches)
        {
            var value = match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
            var id = value.Trim().ToUpperInvariant();
            if (DefaultPattern.IsMatch(id)) yield return id;
        }
    }
}
