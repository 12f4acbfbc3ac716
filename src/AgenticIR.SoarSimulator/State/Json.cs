using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.State;

/// <summary>Lenient readers for request bodies (SOAR accepts ids as numbers or numeric strings).</summary>
internal static class Json
{
    public static string? Str(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) && node is JsonValue v && v.GetValueKind() != JsonValueKind.Null
            ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()
            : null;

    public static long? Long(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) ? Long(node) : null;

    public static long? Long(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        var text = v.GetValueKind() switch
        {
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static bool? Bool(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) && node is JsonValue v
            ? v.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => bool.TryParse(v.GetValue<string>(), out var b) ? b : null,
                _ => null,
            }
            : null;

    public static JsonNode? Clone(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) ? node?.DeepClone() : null;

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items) array.Add(item);
        return array;
    }

    public static JsonArray Strings(IEnumerable<string> items) => Array(items.Select(i => (JsonNode?)JsonValue.Create(i)));

    /// <summary>Text of a scalar parameter value (strings as-is, numbers and booleans as JSON text).</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        null => null,
        _ => node.ToJsonString(),
    };
}
