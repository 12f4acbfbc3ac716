using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

internal static partial class MappingLoader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private static DetectCondition? ParseCondition(YamlNodeReader yaml, YamlNode node, string field)
    {
        if (node is YamlSequenceNode sequence) return Group(yaml, sequence, field, ConditionKind.All);
        var map = yaml.Mapping(node, field, "path", "exists", "equals", "matches", "one_of", "all", "any", "not", "always");
        if (map is null) return null;
        var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList();
        var tests = keys.Intersect(["exists", "equals", "matches", "one_of"]).ToList();
        var groups = keys.Intersect(["all", "any", "not", "always"]).ToList();
        if (groups.Count + tests.Count != 1 || (groups.Count == 1 && keys.Contains("path")))
        {
            yaml.Error(node, field, "a condition needs exactly one of: path with exists|equals|matches|one_of, all, any, not, always");
            return null;
        }
        if (groups.Count == 1)
        {
            var child = YamlNodeReader.Child(map, groups[0])!;
            var childField = YamlNodeReader.Join(field, groups[0]);
            switch (groups[0])
            {
                case "always":
                    if (yaml.Scalar(child, childField) != "true") yaml.Error(child, childField, "'always' must be true");
                    return new DetectCondition { Kind = ConditionKind.Always };
                case "not":
                    return ParseCondition(yaml, child, childField) is { } inner ? new DetectCondition { Kind = ConditionKind.Not, Children = [inner] } : null;
                default:
                    if (child is not YamlSequenceNode list) { yaml.Error(child, childField, "expected a list of conditions"); return null; }
                    return Group(yaml, list, childField, groups[0] == "all" ? ConditionKind.All : ConditionKind.Any);
            }
        }
        var pathNode = YamlNodeReader.Child(map, "path");
        if (pathNode is null) { yaml.Error(node, YamlNodeReader.Join(field, "path"), "'path' is required with " + tests[0]); return null; }
        var path = ParsePath(yaml, pathNode, YamlNodeReader.Join(field, "path"));
        var testNode = YamlNodeReader.Child(map, tests[0])!;
        var testField = YamlNodeReader.Join(field, tests[0]);
        switch (tests[0])
        {
            case "exists":
                var flag = yaml.Scalar(testNode, testField);
                if (flag is not ("true" or "false")) { yaml.Error(testNode, testField, "'exists' must be true or false"); return null; }
                return path is null ? null : new DetectCondition { Kind = ConditionKind.Exists, Path = path, ExpectExists = flag == "true" };
            case "equals":
                var value = yaml.Scalar(testNode, testField);
                return path is null || value is null ? null : new DetectCondition { Kind = ConditionKind.EqualsValue, Path = path, Values = [value] };
            case "one_of":
                if (testNode is not YamlSequenceNode values) { yaml.Error(testNode, testField, "expected a list of values"); return null; }
                var items = values.Children.Select((v, i) => yaml.Scalar(v, YamlNodeReader.Index(testField, i))).ToList();
                return path is null || items.Any(i => i is null) ? null : new DetectCondition { Kind = ConditionKind.OneOf, Path = path, Values = items! };
            default:
                var regex = ParseRegex(yaml, testNode, testField);
                return path is null || regex is null ? null : new DetectCondition { Kind = ConditionKind.Matches, Path = path, Pattern = regex };
        }
    }

    private static DetectCondition? Group(YamlNodeReader yaml, YamlSequenceNode list, string field, ConditionKind kind)
    {
        if (list.Children.Count == 0) { yaml.Error(list, field, "expected at least one condition"); return null; }
        var children = list.Children.Select((c, i) => ParseCondition(yaml, c, YamlNodeReader.Index(field, i))).ToList();
        return children.Any(c => c is null) ? null : new DetectCondition { Kind = kind, Children = children! };
    }

    internal static Regex? ParseRegex(YamlNodeReader yaml, YamlNode node, string field)
    {
        var pattern = yaml.Scalar(node, field);
        if (pattern is null) return null;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            yaml.Error(node, field, $"invalid regular expression: {ex.Message}");
            return null;
        }
    }
}
