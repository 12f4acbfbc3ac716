using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Reads YAML nodes strictly, recording every problem with its file, line, column and dotted field.</summary>
internal sealed class YamlNodeReader(string file, List<DefinitionError> errors)
{
    public string File => file;

    public void Error(YamlNode? node, string field, string message) =>
        errors.Add(new DefinitionError(file, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, field, message));

    /// <summary>The node as a mapping whose keys are all in <paramref name="allowed"/>; unknown keys are errors.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string field, params string[] allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, field, "expected a mapping (key: value pairs)");
            return null;
        }
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Error(key, Join(field, name), $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}");
        }
        return map;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } value }) return value;
        Error(node, field, "expected a single value");
        return null;
    }

    public string? RequiredScalar(YamlMappingNode map, string key, string field, YamlNode owner)
    {
        var node = Child(map, key);
        if (node is null)
        {
            Error(owner, Join(field, key), $"'{key}' is required");
            return null;
        }
        var value = Scalar(node, Join(field, key));
        if (value is not null && value.Trim().Length == 0)
        {
            Error(node, Join(field, key), $"'{key}' must not be empty");
            return null;
        }
        return value;
    }

    public double? Number(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        Error(node, field, $"'{text}' is not a number");
        return null;
    }

    /// <summary>A single scalar or a sequence, as a list of nodes.</summary>
    public static IReadOnlyList<YamlNode> List(YamlNode node) => node is YamlSequenceNode seq ? seq.Children.ToList() : [node];

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    public static string Index(string field, int index) => $"{field}[{index}]";
}
