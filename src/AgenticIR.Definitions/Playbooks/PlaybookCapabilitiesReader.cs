using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Playbooks;

/// <summary>Reads an entry's optional <c>capabilities</c>: a prefix of [triage, investigation, response]. Each stage needs
/// the ones before it (investigation works from triage's verdict, response from the investigation's findings), so a list
/// that skips one is an error rather than a silent gap.</summary>
internal static class PlaybookCapabilitiesReader
{
    public static IReadOnlyList<string>? Read(NodeReader r, YamlMap map, out bool valid)
    {
        valid = true;
        if (!map.Has("capabilities")) return null;
        var list = r.RequireOneOfList(map, "capabilities", [.. PipelineCapabilities.Ordered]);
        if (list is null)
        {
            valid = false;
            return null;
        }
        var expected = PipelineCapabilities.Ordered.Take(list.Count).ToList();
        if (!list.SequenceEqual(expected, StringComparer.Ordinal))
        {
            r.Error(map.Get("capabilities"), map.FieldOf("capabilities"),
                $"capabilities must be [triage], [triage, investigation] or [triage, investigation, response] (each stage needs the ones before it), got [{string.Join(", ", list)}]");
            valid = false;
            return null;
        }
        // The full list is the default: keep it null so the record says "full pipeline" whatever is added later.
        return list.Count == PipelineCapabilities.Ordered.Count ? null : list;
    }
}
