using System.Globalization;
using System.Text.Json;

namespace AgenticIR.Core.Catalog;

/// <summary>
/// Dotted paths into one Splunk SOAR <c>result_data[i]</c> item, e.g. <c>summary.malicious</c> or
/// <c>data.0.attributes.last_analysis_stats.malicious</c>: property names separated by dots, list indexes as plain
/// numbers. Connector files are validated with <see cref="Problem"/>; results are read with <see cref="Find"/>.
/// </summary>
public static class ResultPath
{
    /// <summary>Longest value <see cref="Text"/> returns by default, in characters.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The top-level members of a result item a path may start with.</summary>
    public static IReadOnlyList<string> Roots { get; } = ["summary", "data", "message"];

    /// <summary>Why <paramref name="path"/> is not a valid result path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        if (!Roots.Contains(segments[0], StringComparer.Ordinal))
        {
            return $"'{path}' must start with one of: {string.Join(", ", Roots)} (a member of result_data[i])";
        }
        if (segments.Any(s => s.Length == 0 || s.Any(c => char.IsWhiteSpace(c) || c is '$' or '{' or '}' or '[' or ']' or '*')))
        {
            return $"'{path}' is not a dotted path (names and list indexes separated by single dots, no wildcards)";
        }
        return null;
    }

    /// <summary>Follows <paramref name="path"/> from <paramref name="item"/>: names select object members (exact first,
    /// then ignoring case, because apps are not consistent about it), numbers select list items.</summary>
    /// <returns>The value, or null when a step is missing or the value is JSON null.</returns>
    public static JsonElement? Find(JsonElement item, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = item;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (current.TryGetProperty(segment, out var exact)) { current = exact; continue; }
                var loose = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
                if (loose.Value.ValueKind == JsonValueKind.Undefined) return null;
                current = loose.Value;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A scalar as text; objects and arrays as compact JSON. At most <paramref name="max"/> characters (then an
    /// ellipsis), on one line, because the value came from a third party and ends up in evidence text.</summary>
    public static string Text(JsonElement value, int max = MaxTextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }

    /// <summary>The value as a number: JSON numbers and numeric strings (invariant culture); null otherwise.</summary>
    public static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var n) => n,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };
}
