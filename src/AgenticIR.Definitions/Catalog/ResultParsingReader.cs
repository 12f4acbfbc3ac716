using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Reads the <c>results</c> of a platform binding into a <see cref="ResultParsing"/>; the platform says which paths are valid.</summary>
internal static class ResultParsingReader
{
    private static readonly string[] Keys =
        ["verdict", "malicious_at_or_above", "suspicious_at_or_above", "malicious_values", "suspicious_values", "facts"];

    /// <summary>Reads Splunk SOAR results: paths into one <c>result_data[i]</c> item.</summary>
    public static ResultParsing? Read(NodeReader r, YamlMap map) => Read(r, map, ResultPath.Problem);

    /// <summary>Reads results whose paths <paramref name="pathProblem"/> accepts (it returns why a path is invalid, or null).</summary>
    public static ResultParsing? Read(NodeReader r, YamlMap map, Func<string, string?> pathProblem)
    {
        var before = r.Errors.Count;
        r.AllowOnly(map, Keys);
        var verdict = r.RequireString(map, "verdict") is { } text ? Checked(r, map.Get("verdict")!, map.FieldOf("verdict"), text, pathProblem) : null;
        var malicious = r.OptionalNumber(map, "malicious_at_or_above", NumberRange.Any);
        var suspicious = r.OptionalNumber(map, "suspicious_at_or_above", NumberRange.Any);
        var maliciousValues = Values(r, map, "malicious_values");
        var suspiciousValues = Values(r, map, "suspicious_values");
        var facts = Facts(r, map, pathProblem);

        if (malicious is not null && suspicious is not null && suspicious > malicious)
        {
            r.Error(map.Get("suspicious_at_or_above"), map.FieldOf("suspicious_at_or_above"),
                $"must not be above malicious_at_or_above ({malicious.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
        if ((malicious is not null || suspicious is not null) && (maliciousValues.Count > 0 || suspiciousValues.Count > 0))
        {
            r.Error(map.Node, map.Path, "use numeric thresholds (*_at_or_above) or text values (*_values), not both");
        }

        if (r.Errors.Count > before || verdict is null || facts is null) return null;
        return new ResultParsing
        {
            VerdictPath = verdict,
            MaliciousAtOrAbove = malicious,
            SuspiciousAtOrAbove = suspicious,
            MaliciousValues = maliciousValues,
            SuspiciousValues = suspiciousValues,
            Facts = facts,
        };
    }

    private static string? Checked(NodeReader r, YamlNode node, string field, string path, Func<string, string?> pathProblem)
    {
        if (pathProblem(path) is not { } problem) return path;
        r.Error(node, field, problem);
        return null;
    }

    private static List<string> Values(NodeReader r, YamlMap map, string key)
    {
        if (NodeReader.Optional(map, key) is not { } node || r.AsList(node, map.FieldOf(key)) is not { } items) return [];
        var values = new List<string>();
        foreach (var (item, field) in items)
        {
            if (r.AsString(item, field) is { } value) values.Add(value);
        }
        return values;
    }

    private static Dictionary<string, string>? Facts(NodeReader r, YamlMap map, Func<string, string?> pathProblem)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (NodeReader.Optional(map, "facts") is not { } node) return facts;
        if (r.AsMap(node, map.FieldOf("facts")) is not { } factsMap) return null;
        var ok = true;
        foreach (var (label, keyNode, valueNode) in factsMap.Entries)
        {
            var field = factsMap.FieldOf(label);
            if (!SnakeCase.IsIdentifier(label))
            {
                r.Error(keyNode, field, $"'{label}' is not a fact label (lower-case snake_case)");
                ok = false;
                continue;
            }
            if (r.AsString(valueNode, field) is not { } text || Checked(r, valueNode, field, text, pathProblem) is not { } path)
            {
                ok = false;
                continue;
            }
            facts[label] = path;
        }
        return ok ? facts : null;
    }
}
