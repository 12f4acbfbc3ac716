using System.Text.RegularExpressions;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

internal static partial class MappingLoader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private static DetectCondition? ParseCondition(NodeReader r, YamlNode node, string field)
    {
        if (node is YamlSequenceNode) return Group(r, node, field, ConditionKind.All);
        var map = r.AsMapAllowing(node, field, "path", "exists", "equals", "matches", "one_of", "all", "any", "not", "always");
        if (map is null) return null;
        var keys = map.Entries.Select(e => e.Key).ToList();
        var tests = keys.Intersect(["exists", "equals", "matches", "one_of"]).ToList();
        var groups = keys.Intersect(["all", "any", "not", "always"]).ToList();
        if (groups.Count + tests.Count != 1 || (groups.Count == 1 && keys.Contains("path")))
        {
            r.Error(node, field, "a condition needs exactly one of: path with exists|equals|matches|one_of, all, any, not, always");
            return null;
        }
        if (groups.Count == 1)
        {
            if (r.Require(map, groups[0]) is not { } child) return null;
            var childField = map.FieldOf(groups[0]);
            switch (groups[0])
            {
                case "always":
                    if (r.AsBool(child, childField) == false) r.Error(child, childField, "'always' must be true");
                    return new DetectCondition { Kind = ConditionKind.Always };
                case "not":
                    return ParseCondition(r, child, childField) is { } inner ? new DetectCondition { Kind = ConditionKind.Not, Children = [inner] } : null;
                default:
                    return Group(r, child, childField, groups[0] == "all" ? ConditionKind.All : ConditionKind.Any);
            }
        }
        var path = r.Require(map, "path") is { } pathNode ? ParsePath(r, pathNode, map.FieldOf("path")) : null;
        if (r.Require(map, tests[0]) is not { } testNode) return null;
        var testField = map.FieldOf(tests[0]);
        switch (tests[0])
        {
            case "exists":
                var flag = r.AsBool(testNode, testField);
                return path is null || flag is null ? null : new DetectCondition { Kind = ConditionKind.Exists, Path = path, ExpectExists = flag.Value };
            case "equals":
                var value = r.AsString(testNode, testField);
                return path is null || value is null ? null : new DetectCondition { Kind = ConditionKind.EqualsValue, Path = path, Values = [value] };
            case "one_of":
                if (r.AsList(testNode, testField) is not { } values) return null;
                var items = values.Select(v => r.AsString(v.Node, v.Field)).ToList();
                return path is null || items.Any(i => i is null) ? null : new DetectCondition { Kind = ConditionKind.OneOf, Path = path, Values = items! };
            default:
                var regex = ParseRegex(r, testNode, testField);
                return path is null || regex is null ? null : new DetectCondition { Kind = ConditionKind.Matches, Path = path, Pattern = regex };
        }
    }

    private static DetectCondition? Group(NodeReader r, YamlNode node, string field, ConditionKind kind)
    {
        if (r.AsList(node, field) is not { } items) return null;
        var children = items.Select(c => ParseCondition(r, c.Node, c.Field)).ToList();
        return children.Any(c => c is null) ? null : new DetectCondition { Kind = kind, Children = children! };
    }

    internal static Regex? ParseRegex(NodeReader r, YamlNode node, string field)
    {
        var pattern = r.AsString(node, field);
        if (pattern is null) return null;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            r.Error(node, field, $"invalid regular expression: {ex.Message}");
            return null;
        }
    }
}
