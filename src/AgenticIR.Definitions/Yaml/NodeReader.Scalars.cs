using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

internal sealed partial class NodeReader
{
    public int? RequireInt(YamlMap map, string key, int min, int max) =>
        Require(map, key) is { } node ? AsInt(node, map.FieldOf(key), min, max) : null;

    public int? OptionalInt(YamlMap map, string key, int min, int max) =>
        Optional(map, key) is { } node ? AsInt(node, map.FieldOf(key), min, max) : null;

    public double? RequireNumber(YamlMap map, string key, NumberRange range) =>
        Require(map, key) is { } node ? AsNumber(node, map.FieldOf(key), range) : null;

    public double? OptionalNumber(YamlMap map, string key, NumberRange range) =>
        Optional(map, key) is { } node ? AsNumber(node, map.FieldOf(key), range) : null;

    public bool? RequireBool(YamlMap map, string key) =>
        Require(map, key) is { } node ? AsBool(node, map.FieldOf(key)) : null;

    public string? RequireString(YamlMap map, string key) =>
        Require(map, key) is { } node ? AsString(node, map.FieldOf(key)) : null;

    public string? OptionalString(YamlMap map, string key) =>
        Optional(map, key) is { } node ? AsString(node, map.FieldOf(key)) : null;

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? RequireOneOf(YamlMap map, string key, IReadOnlyCollection<string> allowed) =>
        Require(map, key) is { } node ? AsOneOf(node, map.FieldOf(key), allowed) : null;

    /// <summary>An enum written as the snake_case of its member name.</summary>
    public T? RequireEnum<T>(YamlMap map, string key) where T : struct, Enum =>
        Require(map, key) is { } node ? AsEnum<T>(node, map.FieldOf(key)) : null;

    public int? AsInt(YamlNode node, string field, int min, int max)
    {
        if (PlainScalar(node) is not { } text || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, field, "expected an integer, got " + Describe(node));
            return null;
        }
        if (value >= min && value <= max) return value;
        Error(node, field, RangeMessage(value, min, max));
        return null;
    }

    public double? AsNumber(YamlNode node, string field, NumberRange range)
    {
        if (PlainScalar(node) is not { } text
            || !double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            Error(node, field, "expected a number, got " + Describe(node));
            return null;
        }
        if (range.Contains(value)) return value;
        Error(node, field, string.Create(CultureInfo.InvariantCulture,
            $"{(value < 0 && range.Min >= 0 ? "must not be negative" : "must be in " + range)}, got {text}"));
        return null;
    }

    public bool? AsBool(YamlNode node, string field)
    {
        // Only true/false: YAML 1.1's yes/no/on/off are a classic source of surprises.
        switch (PlainScalar(node)?.ToLowerInvariant())
        {
            case "true": return true;
            case "false": return false;
            default:
                Error(node, field, "expected true or false, got " + Describe(node));
                return null;
        }
    }

    public string? AsString(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node) && value.Trim().Length > 0) return value;
        Error(node, field, "expected a non-empty string, got " + Describe(node));
        return null;
    }

    public string? AsOneOf(YamlNode node, string field, IReadOnlyCollection<string> allowed)
    {
        if (AsString(node, field) is not { } text) return null;
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;
        Error(node, field, $"'{text}' is not one of: {string.Join(", ", allowed)}");
        return null;
    }

    public T? AsEnum<T>(YamlNode node, string field) where T : struct, Enum
    {
        var names = SnakeCase.NamesOf<T>();
        return AsOneOf(node, field, names.Keys.ToArray()) is { } text ? names[text] : null;
    }

    // Quoted scalars are strings: `max_steps: "20"` is a type error, not a number.
    private static string? PlainScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { Length: > 0 } value } ? value : null;

    private static string RangeMessage(int value, int min, int max) =>
        value < 0 && min >= 0 ? string.Create(CultureInfo.InvariantCulture, $"must not be negative, got {value}")
        : max == int.MaxValue ? string.Create(CultureInfo.InvariantCulture, $"must be at least {min}, got {value}")
        : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, got {value}");
}
