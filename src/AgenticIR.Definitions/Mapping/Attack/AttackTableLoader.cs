using System.Text.RegularExpressions;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping.Attack;

/// <summary>
/// Loads <c>mappings/attack/*.yaml</c> strictly, like every other definition file: unknown keys, a <c>name</c> that differs
/// from the file name, a source that is not an https link, a malformed technique id and a type listed twice are errors,
/// each reported with its position.
/// </summary>
internal static partial class AttackTableLoader
{
    private static readonly string[] TopLevelKeys = ["name", "description", "sources", "entries"];
    private static readonly string[] EntryKeys = ["type", "prefix", "outcome", "techniques", "note"];

    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="folder"/>; a folder that does not exist holds no tables.</summary>
    public static (AttackTableSet Tables, IReadOnlyList<DefinitionError> Errors) LoadFolder(string folder)
    {
        var errors = new List<DefinitionError>();
        var tables = new List<AttackTable>();
        if (!Directory.Exists(folder)) return (AttackTableSet.Empty, errors);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var r = new NodeReader(file);
            if (Load(r, YamlDocumentReader.Read(file, r)?.Root, errors) is { } table) tables.Add(table);
        }
        return (new AttackTableSet(tables), errors);
    }

    /// <summary>Parses one table file; adds to <paramref name="errors"/> and returns null when it is invalid.</summary>
    public static AttackTable? LoadFile(string file, string text, List<DefinitionError> errors)
    {
        var r = new NodeReader(file);
        return Load(r, YamlDocumentReader.Parse(text, r), errors);
    }

    private static AttackTable? Load(NodeReader r, YamlNode? rootNode, List<DefinitionError> errors)
    {
        var table = rootNode is not null && r.Root(rootNode) is { } root ? Build(r, root) : null;
        errors.AddRange(r.Errors);
        return r.HasErrors ? null : table;
    }

    private static AttackTable? Build(NodeReader r, YamlMap root)
    {
        r.AllowOnly(root, TopLevelKeys);
        var name = r.RequireString(root, "name");
        var expected = Path.GetFileNameWithoutExtension(r.File);
        if (name is not null && !string.Equals(name, expected, StringComparison.Ordinal))
            r.Error(root.Get("name"), "name", $"name '{name}' must match the file name '{expected}'");
        r.RequireString(root, "description");
        var sources = new List<string>();
        if (r.Require(root, "sources") is { } sourcesNode)
        {
            foreach (var (item, field) in r.AsOneOrMany(sourcesNode, "sources") ?? [])
            {
                if (r.AsString(item, field) is not { } url) continue;
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps) sources.Add(url);
                else r.Error(item, field, $"'{url}' is not an https link to the vendor's documentation");
            }
        }
        var entries = new List<AttackTableEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (item, field) in r.RequireList(root, "entries") ?? [])
        {
            if (ParseEntry(r, item, field) is not { } entry) continue;
            var identity = $"{(entry.IsPrefix ? "prefix" : "type")}:{entry.Key}|{string.Join(",", entry.Outcomes.Order(StringComparer.Ordinal))}";
            if (seen.TryGetValue(identity, out var line))
                r.Error(item, field, $"this {(entry.IsPrefix ? "prefix" : "type")} is already listed at line {line}{(entry.Outcomes.Count > 0 ? " with the same outcome" : "")}");
            else
                seen[identity] = checked((int)item.Start.Line);
            entries.Add(entry);
        }
        return name is null ? null : new AttackTable(name, r.File, sources, entries);
    }

    private static AttackTableEntry? ParseEntry(NodeReader r, YamlNode node, string field)
    {
        var map = r.AsMapAllowing(node, field, EntryKeys);
        if (map is null) return null;
        r.OptionalString(map, "note");
        if (map.Has("type") == map.Has("prefix"))
        {
            r.Error(node, field, "an entry needs exactly one of 'type' (an exact documented type) or 'prefix' (every type starting with it)");
            return null;
        }
        var isPrefix = map.Has("prefix");
        var keyField = map.FieldOf(isPrefix ? "prefix" : "type");
        var keyNode = r.Require(map, isPrefix ? "prefix" : "type");
        var keyText = keyNode is null ? null : r.AsString(keyNode, keyField);
        var key = keyText is null ? null : AttackTableKey.Canonical(keyText);
        if (key is { Length: 0 }) r.Error(keyNode, keyField, $"'{keyText}' has no letters or digits to compare (or is longer than {AttackTableKey.MaxLength} characters)");

        var outcomes = new List<string>();
        if (NodeReader.Optional(map, "outcome") is { } outcomeNode)
        {
            foreach (var (item, itemField) in r.AsOneOrMany(outcomeNode, map.FieldOf("outcome")) ?? [])
            {
                if (r.AsString(item, itemField) is not { } outcome) continue;
                if (AttackTableKey.Canonical(outcome) is { Length: > 0 } canonical) outcomes.Add(canonical);
                else r.Error(item, itemField, $"'{outcome}' has no letters or digits to compare");
            }
        }

        var techniques = new List<string>();
        foreach (var (item, itemField) in r.RequireList(map, "techniques") ?? [])
        {
            if (r.AsString(item, itemField) is not { } id) continue;
            if (!TechniqueId().IsMatch(id)) r.Error(item, itemField, $"'{id}' is not an ATT&CK technique id (T1234 or T1234.567)");
            else if (techniques.Contains(id, StringComparer.Ordinal)) r.Error(item, itemField, $"'{id}' is listed twice");
            else techniques.Add(id);
        }
        return key is { Length: > 0 } && techniques.Count > 0 ? new AttackTableEntry(key, isPrefix, outcomes, techniques) : null;
    }

    [GeneratedRegex(@"^T\d{4}(?:\.\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TechniqueId();
}
