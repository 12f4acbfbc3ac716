using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Reads scalar text out of JSON nodes whatever their JSON type.</summary>
internal static class JsonValues
{
    /// <summary>The text of a string, number or boolean; null for objects, arrays and JSON null.</summary>
    public static string? AsString(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        return value.GetValueKind() switch
        {
            JsonValueKind.String => ReadString(value),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string ReadString(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape (\ud800) cannot become a .NET string; keep its escaped JSON text instead.
            var raw = value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : "\"\"";
            return raw.Length >= 2 ? raw[1..^1] : raw;
        }
    }

    /// <summary>The number in a JSON number or numeric string.</summary>
    public static double? AsNumber(JsonNode? node)
    {
        var text = AsString(node);
        return text is not null && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    /// <summary>Scalar texts of the nodes, flattening arrays one level and skipping objects.</summary>
    public static IEnumerable<string> Strings(IEnumerable<JsonNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array) if (AsString(item) is { } s) yield return s;
            }
            else if (AsString(node) is { } s)
            {
                yield return s;
            }
        }
    }
}
