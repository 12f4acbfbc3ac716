using System.Globalization;
using System.Text.Json;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>Follows a dotted path such as <c>data.0.attributes.last_analysis_stats.malicious</c> into one
/// <c>result_data</c> item: names select object members (exact, then case-insensitive), numbers select array items.</summary>
internal static class ResultPath
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = root;
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

    /// <summary>A scalar as text; objects and arrays as compact JSON. At most <paramref name="max"/> characters, on one
    /// line, because the value came from a third party and ends up in evidence text.</summary>
    public static string Text(JsonElement value, int max = 200)
    {
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

    /// <summary>The value as a number: JSON numbers and numeric strings.</summary>
    public static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var n) => n,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
        _ => null,
    };
}
