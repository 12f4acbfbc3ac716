using AgenticIR.Core.Alerts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Loads <c>mappings/*.yaml</c> strictly: unknown keys, bad paths, bad regular expressions, unknown observable types
/// and a <c>name</c> that differs from the file name are all errors, every one reported with its position.
/// </summary>
internal static partial class MappingLoader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "input", "priority", "unwrap", "detect", "fields", "techniques", "observables", "free_text", "attributes", "walk"];

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file in <paramref name="folder"/>.</summary>
    public static (IReadOnlyList<MappingDefinition> Mappings, IReadOnlyList<DefinitionError> Errors) LoadFolder(string folder)
    {
        var errors = new List<DefinitionError>();
        var mappings = new List<MappingDefinition>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new DefinitionError(folder, 0, 0, "", "mappings folder does not exist"));
            return (mappings, errors);
        }
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (LoadFile(file, File.ReadAllText(file), errors) is { } mapping) mappings.Add(mapping);
        }
        foreach (var duplicate in mappings.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new DefinitionError(duplicate.Last().File, 1, 1, "name", $"mapping name '{duplicate.Key}' is defined more than once"));
        if (mappings.Count == 0 && errors.Count == 0)
            errors.Add(new DefinitionError(folder, 0, 0, "", "no mapping files (*.yaml) found"));
        return (mappings, errors);
    }

    /// <summary>Parses one mapping file; adds to <paramref name="errors"/> and returns null when it is invalid.</summary>
    public static MappingDefinition? LoadFile(string file, string text, List<DefinitionError> errors)
    {
        var before = errors.Count;
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new DefinitionError(file, (int)ex.Start.Line, (int)ex.Start.Column, "", $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            errors.Add(new DefinitionError(file, 0, 0, "", "expected exactly one YAML document"));
            return null;
        }
        var yaml = new YamlNodeReader(file, errors);
        var root = yaml.Mapping(stream.Documents[0].RootNode, "", TopLevelKeys);
        if (root is null) return null;
        var mapping = Build(yaml, root);
        return errors.Count == before ? mapping : null;
    }

    private static MappingDefinition? Build(YamlNodeReader yaml, YamlMappingNode root)
    {
        var name = yaml.RequiredScalar(root, "name", "", root);
        var expected = Path.GetFileNameWithoutExtension(yaml.File);
        if (name is not null && !string.Equals(name, expected, StringComparison.Ordinal))
            yaml.Error(YamlNodeReader.Child(root, "name"), "name", $"name '{name}' must match the file name '{expected}'");

        var input = MappingInput.Json;
        if (YamlNodeReader.Child(root, "input") is { } inputNode && yaml.Scalar(inputNode, "input") is { } inputText)
        {
            if (inputText == "eml") input = MappingInput.Eml;
            else if (inputText != "json") yaml.Error(inputNode, "input", $"unknown input '{inputText}'; expected json or eml");
        }

        var priority = 50;
        if (YamlNodeReader.Child(root, "priority") is { } priorityNode && yaml.Number(priorityNode, "priority") is { } p)
        {
            if (p is < 0 or > 1000 || p != Math.Floor(p)) yaml.Error(priorityNode, "priority", "priority must be a whole number from 0 to 1000");
            else priority = (int)p;
        }

        DetectCondition? detect = null;
        if (YamlNodeReader.Child(root, "detect") is { } detectNode) detect = ParseCondition(yaml, detectNode, "detect");
        else yaml.Error(root, "detect", "'detect' is required (use '{ always: true }' for a catch-all mapping)");

        var definition = new MappingDefinition
        {
            Name = name ?? expected,
            File = yaml.File,
            Description = YamlNodeReader.Child(root, "description") is { } d ? yaml.Scalar(d, "description") ?? "" : "",
            Input = input,
            Priority = priority,
            Unwrap = YamlNodeReader.Child(root, "unwrap") is { } u ? ParsePath(yaml, u, "unwrap") : null,
            Detect = detect ?? new DetectCondition { Kind = ConditionKind.Always },
            Techniques = YamlNodeReader.Child(root, "techniques") is { } t ? ParseTechniques(yaml, t) : [],
            Observables = YamlNodeReader.Child(root, "observables") is { } o ? ParseObservables(yaml, o) : [],
            FreeText = YamlNodeReader.Child(root, "free_text") is { } f ? ParseFreeText(yaml, f) : [],
            Attributes = YamlNodeReader.Child(root, "attributes") is { } a ? ParseAttributes(yaml, a) : [],
            Walk = YamlNodeReader.Child(root, "walk") is { } w ? ParseWalk(yaml, w) : null,
        };
        return YamlNodeReader.Child(root, "fields") is { } fields ? ParseFields(yaml, fields, definition) : definition;
    }

    internal static PayloadPath? ParsePath(YamlNodeReader yaml, YamlNode node, string field)
    {
        var text = yaml.Scalar(node, field);
        if (text is null) return null;
        var path = PayloadPath.TryParse(text, out var error);
        if (path is null) yaml.Error(node, field, $"invalid path '{text}': {error}");
        return path;
    }

    private static ObservableType? ParseType(YamlNodeReader yaml, YamlNode node, string field, out bool ok)
    {
        ok = false;
        var text = yaml.Scalar(node, field);
        if (text is null) return null;
        if (text is "auto" or "host_or_ip") { ok = true; return null; }
        if (ObservableTypeNames.TryParse(text, out var type)) { ok = true; return type; }
        yaml.Error(node, field, $"unknown observable type '{text}'; expected auto, host_or_ip or one of: {string.Join(", ", ObservableTypeNames.All)}");
        return null;
    }
}
