using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Parses JSON into nodes keeping the <b>last</b> value of a key an object repeats, as JavaScript, Python, Go and
/// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> do. <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>
/// instead throws on first access, which turned a repeated key into an internal error. Repeated keys are a known
/// parser-differential trick (one reader sees the first value, another the last), so the repeated paths are reported
/// and the alert carries them; every reader in the product (mappings, the generic walk, the input unwrapping) reads the
/// same last value. Names are compared after unescaping, so <c>"src\u005fip"</c> repeats <c>"src_ip"</c>.
/// </summary>
internal static class LastWinsJson
{
    private const int MaxReported = 5;
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    /// <summary>The parsed document; <paramref name="repeated"/>, when given, receives the path of every repeated key.</summary>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static JsonNode? Parse(string json, JsonDocumentOptions options, ICollection<string>? repeated = null)
    {
        // JsonElement.Parse owns its memory (nothing to dispose), so element-backed values stay valid in the nodes.
        var root = JsonElement.Parse(json, options);
        return Convert(root, "$", repeated);
    }

    /// <summary>A short description of repeated paths for an alert attribute, e.g. <c>$.src_ip, $.user (2 repeated keys)</c>.</summary>
    public static string Describe(IReadOnlyCollection<string> repeated)
    {
        var distinct = repeated.Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", distinct.Take(MaxReported));
        var more = distinct.Count > MaxReported ? $" and {distinct.Count - MaxReported} more" : "";
        return $"{shown}{more} ({distinct.Count} repeated {(distinct.Count == 1 ? "key" : "keys")}; the last value of each is used)";
    }

    private static JsonNode? Convert(JsonElement element, string path, ICollection<string>? repeated)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject(NodeOptions);
                foreach (var property in element.EnumerateObject())
                {
                    var child = Convert(property.Value, Nests(property.Value, repeated) ? $"{path}.{property.Name}" : path, repeated);
                    if (obj.ContainsKey(property.Name))
                    {
                        repeated?.Add($"{path}.{property.Name}");
                        obj[property.Name] = child;
                    }
                    else
                    {
                        obj.Add(property.Name, child);
                    }
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray(NodeOptions);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Convert(item, Nests(item, repeated) ? $"{path}[{index}]" : path, repeated));
                    index++;
                }
                return array;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element, NodeOptions);
        }
    }

    // Paths are built only where a repeated key could be found beneath, so a large flat payload costs no strings.
    private static bool Nests(JsonElement child, ICollection<string>? repeated) =>
        repeated is not null && child.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
}
