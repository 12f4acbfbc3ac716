using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

/// <summary>
/// Pass 2 of validation: typed, schema-checked reads over a parsed YAML document. Every problem is recorded
/// as a <see cref="DefinitionError"/> and reading carries on, so one run reports all errors in a file.
/// Reads return null when the value is absent or invalid; callers build a result only when <see cref="HasErrors"/> is false.
/// </summary>
internal sealed partial class NodeReader(string file)
{
    private readonly List<DefinitionError> _errors = [];

    public string File => file;

    /// <summary>Errors in file order, so a reader can fix them top to bottom.</summary>
    public IReadOnlyList<DefinitionError> Errors => [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    public bool HasErrors => _errors.Count > 0;

    public void Error(YamlNode? at, string field, string message) =>
        _errors.Add(new DefinitionError(file, at is null ? 0 : checked((int)at.Start.Line), at is null ? 0 : checked((int)at.Start.Column), field, message));

    public void Error(int line, int column, string field, string message) =>
        _errors.Add(new DefinitionError(file, line, column, field, message));

    public YamlLocation LocationOf(YamlNode node, string field) => YamlLocation.Of(file, node, field);

    /// <summary>The document root as a map.</summary>
    public YamlMap? Root(YamlNode root) => AsMap(root, "");

    /// <summary>Reports every key of <paramref name="map"/> that is not in <paramref name="allowed"/>.</summary>
    public void AllowOnly(YamlMap map, params string[] allowed) => AllowOnly(map, allowed, []);

    /// <summary>
    /// Reports every key of <paramref name="map"/> that is neither in <paramref name="allowed"/> nor in
    /// <paramref name="reportedElsewhere"/> (keys the caller rejects with a message of its own).
    /// </summary>
    public void AllowOnly(YamlMap map, string[] allowed, string[] reportedElsewhere)
    {
        foreach (var (keyNode, _) in map.Node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, map.FieldOf("?"), "keys must be plain strings");
                continue;
            }
            if (allowed.Contains(key, StringComparer.Ordinal) || reportedElsewhere.Contains(key, StringComparer.Ordinal)) continue;
            var hint = Closest(key, allowed) is { } near ? $"; did you mean '{near}'?" : "";
            Error(keyNode, map.FieldOf(key), $"unknown key '{key}'{hint} (allowed: {string.Join(", ", allowed)})");
        }
    }

    public YamlMap? RequireMap(YamlMap map, string key) =>
        Require(map, key) is { } node ? AsMap(node, map.FieldOf(key)) : null;

    public YamlMap? OptionalMap(YamlMap map, string key) =>
        Optional(map, key) is { } node ? AsMap(node, map.FieldOf(key)) : null;

    public YamlMap? AsMap(YamlNode node, string field)
    {
        if (node is YamlMappingNode mapping) return new YamlMap(mapping, field);
        Error(node, FieldOrDocument(field), "expected a map, got " + Describe(node));
        return null;
    }

    /// <summary>The node as a map whose keys must all be in <paramref name="allowed"/>; see <see cref="AllowOnly(YamlMap, string[])"/>.</summary>
    public YamlMap? AsMapAllowing(YamlNode node, string field, params string[] allowed)
    {
        if (AsMap(node, field) is not { } map) return null;
        AllowOnly(map, allowed);
        return map;
    }

    /// <summary>The value under a required key; records "missing" and returns null when absent or empty.</summary>
    public YamlNode? Require(YamlMap map, string key)
    {
        var node = map.Get(key);
        if (node is null)
        {
            Error(map.Node, map.FieldOf(key), $"missing required key '{key}'");
            return null;
        }
        if (IsNull(node))
        {
            Error(node, map.FieldOf(key), "a value is required");
            return null;
        }
        return node;
    }

    /// <summary>The value under an optional key; null when absent or written as null.</summary>
    public static YamlNode? Optional(YamlMap map, string key) => map.Get(key) is { } node && !IsNull(node) ? node : null;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string FieldOrDocument(string field) => field.Length == 0 ? YamlDocumentReader.DocumentField : field;

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };

    // A misspelt key is the most common authoring error, so suggest the nearest allowed key.
    private static string? Closest(string key, string[] allowed)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in allowed)
        {
            var d = Distance(key, candidate);
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
