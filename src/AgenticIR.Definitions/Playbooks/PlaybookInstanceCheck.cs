using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Playbooks;

/// <summary>Cross-checks config/playbooks.yaml against config/soar.yaml: an entry that names an instance
/// (<c>instance:</c> on a <c>platform: xsoar</c> entry, <c>match.soar_instance</c> on a Splunk SOAR one) must name a
/// configured instance of its own platform, or it never matches anything. Run on a file that already loads without
/// error; each problem is reported at the name's line and column.</summary>
public static class PlaybookInstanceCheck
{
    /// <summary>Every entry of <paramref name="path"/> whose instance <paramref name="instances"/> does not configure for
    /// the entry's platform; empty when all are known.</summary>
    public static IReadOnlyList<DefinitionError> Check(string path, SoarInstanceSet instances)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(instances);
        var r = new NodeReader(path);
        if (YamlDocumentReader.Read(path, r) is not { } file || r.Root(file.Root) is not { } root) return r.Errors;
        var splunk = instances.All.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var xsoar = instances.Xsoar.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (node, field) in r.RequireList(root, "playbooks", allowEmpty: true) ?? [])
        {
            if (node is not YamlMappingNode entryNode) continue;
            var entry = new YamlMap(entryNode, field);
            var isXsoar = NodeReader.Optional(entry, "platform") is YamlScalarNode { Value: "xsoar" };
            var (map, key) = isXsoar
                ? (entry, "instance")
                : (entry.Get("match") is YamlMappingNode match ? new YamlMap(match, entry.FieldOf("match")) : null, "soar_instance");
            if (map is null || NodeReader.Optional(map, key) is not YamlScalarNode { Value: { Length: > 0 } name } at) continue;
            var known = isXsoar ? xsoar : splunk;
            if (known.Contains(name)) continue;
            var platform = isXsoar ? "XSOAR" : "Splunk SOAR";
            var list = isXsoar ? "xsoar" : "splunk_soar";
            r.Error(at, map.FieldOf(key), $"'{name}' names no {platform} instance in soar.yaml (its {list} list has: {(known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal)))}); the entry would never match");
        }
        return r.Errors;
    }
}
