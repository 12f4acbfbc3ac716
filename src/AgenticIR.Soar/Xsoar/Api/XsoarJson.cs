using System.Globalization;
using System.Text.Json;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Lenient readers for XSOAR's JSON: ids are strings in the Swagger but numbers in some answers, booleans
/// arrive as <c>"true"</c> in integration listings; a missing optional field is null.</summary>
internal static class XsoarJson
{
    public static JsonElement? TryParse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? TryParseObject(string? content) =>
        TryParse(content) is { ValueKind: JsonValueKind.Object } element ? element : null;

    public static JsonElement ParseObject(string? content) =>
        TryParseObject(content) ?? throw new InvalidDataException("expected a JSON object");

    public static JsonElement ParseArray(string? content) =>
        TryParse(content) is { ValueKind: JsonValueKind.Array } element ? element : throw new InvalidDataException("expected a JSON array");

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string, or the JSON text of a number or boolean.</summary>
    public static string? String(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    public static string RequiredString(JsonElement obj, string name) =>
        String(obj, name) is { Length: > 0 } text ? text : throw new InvalidDataException($"missing '{name}'");

    public static long? Long(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    public static double? Double(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    /// <summary><c>true</c>/<c>false</c>, or their string forms.</summary>
    public static bool? Bool(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var v) => v,
        _ => null,
    };

    /// <summary>XSOAR writes RFC 3339 with a zone (<c>2024-05-02T10:11:12.123456789Z</c> or <c>+03:00</c>); Go's zero
    /// time (<c>0001-01-01T00:00:00Z</c>) means "not set" and reads as null.</summary>
    public static DateTimeOffset? Date(JsonElement obj, string name)
    {
        if (String(obj, name) is not { } text) return null;
        // .NET parses at most 7 fractional digits; Go writes up to 9.
        var trimmed = System.Text.RegularExpressions.Regex.Replace(text, @"(\.\d{7})\d+", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) && value.Year > 1
            ? value
            : null;
    }

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

    public static IEnumerable<JsonElement> Items(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
