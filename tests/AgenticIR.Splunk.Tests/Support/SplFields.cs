using System.Text.RegularExpressions;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>A pragmatic reading of SPL: which event fields a search needs. It collects identifiers, then drops
/// commands, keywords, function names (an identifier before '('), literal values (quoted, or unquoted after a single
/// '=' in the base search), Splunk's own fields, and every field the search computes itself (eval targets, 'as'
/// aliases, stats' implicit 'count').</summary>
internal static partial class SplFields
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        // commands
        "search", "eval", "stats", "eventstats", "timechart", "chart", "bin", "sort", "table", "dedup", "where", "fields", "rename", "head",
        // keywords and arguments
        "by", "as", "over", "AND", "OR", "NOT", "span", "index", "sourcetype", "earliest", "latest",
        // Splunk's own fields
        "_time", "_raw", "host", "source",
    };

    public static IReadOnlySet<string> Required(string spl)
    {
        var text = Tokens().Replace(spl, "");           // $row.x.value$, $global_time.earliest$
        text = Quoted().Replace(text, "\"\"");           // string literals are values, not fields
        var segments = text.Split('|');
        var computed = new HashSet<string>(StringComparer.Ordinal) { "count" };
        foreach (var segment in segments.Skip(1))
        {
            var trimmed = segment.TrimStart();
            foreach (Match alias in Alias().Matches(trimmed)) computed.Add(alias.Groups[1].Value);
            if (!trimmed.StartsWith("eval ", StringComparison.Ordinal)) continue;
            foreach (var assignment in TopLevelParts(trimmed["eval ".Length..]))
                if (Assignment().Match(assignment) is { Success: true } m) computed.Add(m.Groups[1].Value);
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            // In the base search, `field=value`: the value is not a field.
            if (i == 0) segment = BaseValue().Replace(segment, "=");
            foreach (Match identifier in Identifier().Matches(segment))
            {
                var name = identifier.Value;
                var next = segment[(identifier.Index + name.Length)..].TrimStart();
                if (next.StartsWith('(')) continue;
                if (Ignored.Contains(name) || computed.Contains(name)) continue;
                required.Add(name);
            }
        }
        return required;
    }

    public static string Sourcetype(string spl) => SourcetypeRegex().Match(spl).Groups[1].Value;

    private static IEnumerable<string> TopLevelParts(string expression)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            switch (expression[i])
            {
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    yield return expression[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return expression[start..];
    }

    [GeneratedRegex(@"\$[^$]*\$")] private static partial Regex Tokens();
    [GeneratedRegex("\"[^\"]*\"")] private static partial Regex Quoted();
    [GeneratedRegex(@"\bas\s+([A-Za-z_][A-Za-z0-9_]*)")] private static partial Regex Alias();
    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)")] private static partial Regex Assignment();
    [GeneratedRegex(@"(?<![=!<>])=\s*[A-Za-z0-9_.*\-]+")] private static partial Regex BaseValue();
    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")] private static partial Regex Identifier();
    [GeneratedRegex(@"sourcetype=([a-z_]+)")] private static partial Regex SourcetypeRegex();
}
