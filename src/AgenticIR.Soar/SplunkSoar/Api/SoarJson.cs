using System.Globalization;
using System.Text.Json;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Lenient readers for SOAR's JSON: fields the docs leave open (an id or a name, a number or a numeric
/// string) are read in either form; a missing optional field is null.</summary>
internal static class SoarJson
{
    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public static JsonElement? TryParseObject(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            var element = JsonSerializer.Deserialize<JsonElement>(content);
            return element.ValueKind == JsonValueKind.Object ? element : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as a JSON object; throws <see cref="InvalidDataException"/> otherwise.</summary>
    public static JsonElement ParseObject(string? content) =>
        TryParseObject(content) ?? throw new InvalidDataException("expected a JSON object");

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static long? Long(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    public static long RequiredLong(JsonElement obj, string name) =>
        Long(obj, name) ?? throw new InvalidDataException($"missing numeric '{name}'");

    /// <summary>A string, or the JSON text of a number or boolean (fields such as <c>asset</c> carry an id or a name).</summary>
    public static string? String(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    public static bool? Bool(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>SOAR writes UTC ISO 8601 with microseconds (<c>2025-11-17T16:05:16.709562Z</c>).</summary>
    public static DateTimeOffset? Date(JsonElement obj, string name) =>
        String(obj, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>A list of strings (items that are numbers keep their text).</summary>
    public static IReadOnlyList<string> Strings(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(TextOf).OfType<string>()]
            : [];

    /// <summary>A value as text: strings as they are, anything else as its JSON.</summary>
    public static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>The <c>data</c> items of a list envelope <c>{"count", "num_pages", "data"}</c>.</summary>
    public static IEnumerable<JsonElement> Data(JsonElement envelope) =>
        Property(envelope, "data") is { ValueKind: JsonValueKind.Array } data
            ? data.EnumerateArray()
            : throw new InvalidDataException("expected a list answer with a 'data' array");
}
