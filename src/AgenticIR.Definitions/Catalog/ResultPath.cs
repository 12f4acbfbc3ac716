using System.Text.Json;

namespace AgenticIR.Definitions.Catalog;

/// <summary>
/// Dotted paths into one Splunk SOAR <c>result_data[i]</c> item, e.g. <c>summary.malicious</c> or
/// <c>data.0.attributes.country</c>: property names separated by dots, list indexes as plain numbers.
/// </summary>
public static class ResultPath
{
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

    /// <summary>Follows <paramref name="path"/> from <paramref name="item"/>; false when any step is missing.</summary>
    public static bool TryResolve(JsonElement item, string path, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(path);
        value = item;
        foreach (var segment in path.Split('.'))
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var child))
            {
                value = child;
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None,
                         System.Globalization.CultureInfo.InvariantCulture, out var index) && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                value = default;
                return false;
            }
        }
        return true;
    }
}
