using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Yaml;

internal sealed partial class NodeReader
{
    /// <summary>The items of a required list, each with its field path (<c>key[0]</c>, <c>key[1]</c>, …).</summary>
    public IReadOnlyList<(YamlNode Node, string Field)>? RequireList(YamlMap map, string key, bool allowEmpty = false) =>
        Require(map, key) is { } node ? AsList(node, map.FieldOf(key), allowEmpty) : null;

    public IReadOnlyList<(YamlNode Node, string Field)>? AsList(YamlNode node, string field, bool allowEmpty = false)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, field, "expected a list, got " + Describe(node));
            return null;
        }
        if (sequence.Children.Count == 0 && !allowEmpty)
        {
            Error(node, field, "the list must not be empty");
            return null;
        }
        return sequence.Children.Select((item, i) => (item, $"{field}[{i}]")).ToList();
    }

    /// <summary>
    /// A list, or a single value standing for a one-item list, so <c>key: a</c> and <c>key: [a, b]</c> both read;
    /// a single value keeps the field path without an index.
    /// </summary>
    public IReadOnlyList<(YamlNode Node, string Field)>? AsOneOrMany(YamlNode node, string field, bool allowEmpty = false) =>
        node is YamlSequenceNode ? AsList(node, field, allowEmpty) : [(node, field)];

    /// <summary>A required list of non-empty strings without duplicates.</summary>
    public IReadOnlyList<string>? RequireStringList(YamlMap map, string key, bool allowEmpty = false) =>
        RequireList(map, key, allowEmpty) is { } items ? StringsOf(items, null) : null;

    /// <summary>A required list whose strings must each be one of <paramref name="allowed"/>.</summary>
    public IReadOnlyList<string>? RequireOneOfList(YamlMap map, string key, IReadOnlyCollection<string> allowed, bool allowEmpty = false) =>
        RequireList(map, key, allowEmpty) is { } items ? StringsOf(items, allowed) : null;

    private List<string>? StringsOf(IReadOnlyList<(YamlNode Node, string Field)> items, IReadOnlyCollection<string>? allowed)
    {
        var result = new List<string>(items.Count);
        var ok = true;
        foreach (var (node, field) in items)
        {
            var value = allowed is null ? AsString(node, field) : AsOneOf(node, field, allowed);
            if (value is null) { ok = false; continue; }
            if (result.Contains(value, StringComparer.Ordinal))
            {
                Error(node, field, $"'{value}' is listed twice");
                ok = false;
                continue;
            }
            result.Add(value);
        }
        return ok ? result : null;
    }
}
