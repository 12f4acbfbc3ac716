using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Query;

/// <summary>Comparison of JSON scalars the way SOAR's Django filters treat them: numbers numerically, timestamps as
/// instants, everything else as text.</summary>
internal static class JsonValues
{
    /// <summary>A query-string value: JSON when it parses (<c>"x"</c>, <c>5</c>, <c>["a","b"]</c>), else the raw text.</summary>
    public static JsonNode? ParseQueryValue(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0) return JsonValue.Create(trimmed);
        try
        {
            return JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return JsonValue.Create(trimmed);
        }
    }

    public static JsonNode? Get(JsonObject item, IReadOnlyList<string> path)
    {
        JsonNode? current = item;
        foreach (var part in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(part, out current)) return null;
        }
        return current;
    }

    public static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    public static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => node.ToJsonString(),
    };

    public static bool TryNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue v) return false;
        var text = v.GetValueKind() switch
        {
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };
        return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    public static bool AreEqual(JsonNode? field, JsonNode? value)
    {
        if (IsNull(value)) return IsNull(field);
        if (IsNull(field)) return false;
        if (field!.GetValueKind() == JsonValueKind.Number || value!.GetValueKind() == JsonValueKind.Number)
        {
            return TryNumber(field, out var a) && TryNumber(value, out var b) && a == b;
        }
        if (field.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return string.Equals(field.ToJsonString(), AsText(value)?.ToLowerInvariant(), StringComparison.Ordinal);
        }
        return string.Equals(AsText(field), AsText(value), StringComparison.Ordinal);
    }

    /// <summary>Orders two values; nulls first, then numbers, then instants, then ordinal text.</summary>
    public static int Compare(JsonNode? left, JsonNode? right)
    {
        var leftNull = IsNull(left);
        var rightNull = IsNull(right);
        if (leftNull || rightNull) return leftNull == rightNull ? 0 : leftNull ? -1 : 1;
        if (left!.GetValueKind() == JsonValueKind.Number || right!.GetValueKind() == JsonValueKind.Number)
        {
            if (TryNumber(left, out var a) && TryNumber(right, out var b)) return a.CompareTo(b);
        }
        var leftText = AsText(left);
        var rightText = AsText(right);
        if (SoarTime.TryParse(leftText, out var lt) && SoarTime.TryParse(rightText, out var rt)) return lt.CompareTo(rt);
        return string.CompareOrdinal(leftText, rightText);
    }
}
