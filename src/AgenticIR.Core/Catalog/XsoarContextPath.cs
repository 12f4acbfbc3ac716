namespace AgenticIR.Core.Catalog;

/// <summary>
/// Context paths of a Cortex XSOAR command's output, as its integration YAML declares them under
/// <c>outputs[].contextPath</c>: property names separated by dots, e.g. <c>DBotScore.Score</c> or
/// <c>VirusTotal.IP.attributes.last_analysis_stats.malicious</c>. Entry-context keys may carry a
/// <c>(val.x == obj.x)</c> merge selector; a binding names the path without it.
/// </summary>
public static class XsoarContextPath
{
    /// <summary>Why <paramref name="path"/> is not a context path a binding may read, or null when it is.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        if (segments[0].Length == 0 || !char.IsAsciiLetter(segments[0][0]))
        {
            return $"'{path}' must start with a context key (a letter), e.g. DBotScore.Score";
        }
        if (segments.Any(s => s.Length == 0 || s.Any(c => char.IsWhiteSpace(c) || c is '$' or '{' or '}' or '[' or ']' or '(' or ')' or '*' or '=')))
        {
            return $"'{path}' is not a context path (names separated by single dots; no selectors, wildcards or templates)";
        }
        return null;
    }
}
