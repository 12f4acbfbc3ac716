using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Mapping.Attack;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Loads <c>mappings/*.yaml</c> strictly: unknown keys, bad paths, bad regular expressions, unknown observable types
/// and a <c>name</c> that differs from the file name are all errors, every one reported with its position.
/// </summary>
internal static partial class MappingLoader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "input", "priority", "unwrap", "detect", "fields", "techniques", "observables", "free_text", "attributes", "walk", "sweep"];

    /// <summary>Folder, inside the mappings folder, of the ATT&amp;CK tables that <c>techniques:</c> entries may name.</summary>
    public const string AttackTablesFolder = "attack";

    /// <summary>Loads the ATT&amp;CK tables in <c>attack/</c>, then every <c>*.yaml</c>/<c>*.yml</c> file in <paramref name="folder"/>.</summary>
    public static (IReadOnlyList<MappingDefinition> Mappings, IReadOnlyList<DefinitionError> Errors) LoadFolder(string folder)
    {
        var errors = new List<DefinitionError>();
        var mappings = new List<MappingDefinition>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new DefinitionError(folder, 0, 0, "", "mappings folder does not exist"));
            return (mappings, errors);
        }
        var (tables, tableErrors) = AttackTableLoader.LoadFolder(Path.Combine(folder, AttackTablesFolder));
        errors.AddRange(tableErrors);
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var r = new NodeReader(file);
            if (Load(r, YamlDocumentReader.Read(file, r)?.Root, errors, tables) is { } mapping) mappings.Add(mapping);
        }
        foreach (var duplicate in mappings.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new DefinitionError(duplicate.Last().File, 1, 1, "name", $"mapping name '{duplicate.Key}' is defined more than once"));
        if (mappings.Count == 0 && errors.Count == 0)
            errors.Add(new DefinitionError(folder, 0, 0, "", "no mapping files (*.yaml) found"));
        return (mappings, errors);
    }

    /// <summary>Parses one mapping file; adds to <paramref name="errors"/> and returns null when it is invalid.</summary>
    /// <param name="file">Path reported in errors; its name must match the mapping's <c>name</c>.</param>
    /// <param name="text">The YAML.</param>
    /// <param name="errors">Receives every problem found.</param>
    /// <param name="tables">ATT&amp;CK tables the mapping may name; none by default, so any <c>table:</c> is an error.</param>
    public static MappingDefinition? LoadFile(string file, string text, List<DefinitionError> errors, AttackTableSet? tables = null)
    {
        var r = new NodeReader(file);
        return Load(r, YamlDocumentReader.Parse(text, r), errors, tables ?? AttackTableSet.Empty);
    }

    private static MappingDefinition? Load(NodeReader r, YamlNode? rootNode, List<DefinitionError> errors, AttackTableSet tables)
    {
        var mapping = rootNode is not null && r.Root(rootNode) is { } root ? Build(r, root, tables) : null;
        errors.AddRange(r.Errors);
        return r.HasErrors ? null : mapping;
    }

    private static MappingDefinition Build(NodeReader r, YamlMap root, AttackTableSet tables)
    {
        r.AllowOnly(root, TopLevelKeys);
        var name = r.RequireString(root, "name");
        var expected = Path.GetFileNameWithoutExtension(r.File);
        if (name is not null && !string.Equals(name, expected, StringComparison.Ordinal))
            r.Error(root.Get("name"), "name", $"name '{name}' must match the file name '{expected}'");

        var input = NodeReader.Optional(root, "input") is { } inputNode ? r.AsEnum<MappingInput>(inputNode, "input") : null;
        var priority = NodeReader.Optional(root, "priority") is { } priorityNode ? r.AsInt(priorityNode, "priority", 0, 1000) : null;

        DetectCondition? detect = null;
        if (!root.Has("detect")) r.Error(root.Node, "detect", "missing required key 'detect' (use '{ always: true }' for a catch-all mapping)");
        else if (r.Require(root, "detect") is { } detectNode) detect = ParseCondition(r, detectNode, "detect");

        var definition = new MappingDefinition
        {
            Name = name ?? expected,
            File = r.File,
            Description = r.OptionalString(root, "description") ?? "",
            Input = input ?? MappingInput.Json,
            Priority = priority ?? 50,
            Unwrap = NodeReader.Optional(root, "unwrap") is { } u ? ParsePath(r, u, "unwrap") : null,
            Detect = detect ?? new DetectCondition { Kind = ConditionKind.Always },
            Techniques = NodeReader.Optional(root, "techniques") is { } t ? ParseTechniques(r, t, tables) : [],
            Observables = NodeReader.Optional(root, "observables") is { } o ? ParseObservables(r, o) : [],
            FreeText = NodeReader.Optional(root, "free_text") is { } f ? ParseFreeText(r, f) : [],
            Attributes = r.OptionalMap(root, "attributes") is { } a ? ParseAttributes(r, a) : [],
            Walk = NodeReader.Optional(root, "walk") is { } w ? ParseWalk(r, w) : null,
            Sweep = NodeReader.Optional(root, "sweep") is not { } sweep || r.AsBool(sweep, "sweep") != false,
        };
        definition = NodeReader.Optional(root, "fields") is { } fields ? ParseFields(r, fields, definition) : definition;
        CheckConfidenceAttribute(r, root, definition);
        return definition;
    }

    internal static PayloadPath? ParsePath(NodeReader r, YamlNode node, string field)
    {
        var text = r.AsString(node, field);
        if (text is null) return null;
        var path = PayloadPath.TryParse(text, out var error);
        if (path is null) r.Error(node, field, $"invalid path '{text}': {error}");
        return path;
    }

    private static ObservableType? ParseType(NodeReader r, YamlNode node, string field, out bool ok)
    {
        ok = false;
        var text = r.AsString(node, field);
        if (text is null) return null;
        if (text is "auto" or "host_or_ip") { ok = true; return null; }
        if (ObservableTypeNames.TryParse(text, out var type)) { ok = true; return type; }
        r.Error(node, field, $"unknown observable type '{text}'; expected auto, host_or_ip or one of: {string.Join(", ", ObservableTypeNames.All)}");
        return null;
    }
}
