using System.Text.Json;

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

    /// <summary>
    /// Follows <paramref name="path"/> through a command's entry context (<c>EntryContext</c> of a war-room entry). Keys
    /// there may hold several path segments and a merge selector (<c>VirusTotal.IP(val.id &amp;&amp; val.id == obj.id)</c>
    /// answers <c>VirusTotal.IP.attributes.country</c>); names match exactly first, then ignoring case. Where a value is
    /// a list (several indicators or vendors), the rest of the path is followed in each item and the first value found is
    /// returned.
    /// </summary>
    /// <returns>The value, or null when the path leads nowhere or to JSON null.</returns>
    public static JsonElement? Find(JsonElement context, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Follow(context, path.Split('.', StringSplitOptions.RemoveEmptyEntries), 0);
    }

    private static JsonElement? Follow(JsonElement current, string[] segments, int index)
    {
        if (index == segments.Length) return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
        if (current.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in current.EnumerateArray())
            {
                if (Follow(item, segments, index) is { } found) return found;
            }
            return null;
        }
        if (current.ValueKind != JsonValueKind.Object) return null;
        foreach (var comparison in (StringComparison[])[StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase])
        {
            foreach (var property in current.EnumerateObject())
            {
                if (Matched(property.Name, segments, index, comparison) is { } used
                    && Follow(property.Value, segments, index + used) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }

    // How many path segments a key stands for ("VirusTotal.IP(val.id == obj.id)" stands for two), or null when it
    // does not match the path at this point.
    private static int? Matched(string key, string[] segments, int index, StringComparison comparison)
    {
        var selector = key.IndexOf('(', StringComparison.Ordinal);
        var parts = (selector < 0 ? key : key[..selector]).Split('.');
        if (parts.Length > segments.Length - index) return null;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!string.Equals(parts[i], segments[index + i], comparison)) return null;
        }
        return parts.Length;
    }
}
