using System.Text.RegularExpressions;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>compliance_mappings</c>: NIST 800-61 phase → agent and NIST 800-53 control → description.</summary>
internal static partial class ComplianceSectionReader
{
    public static readonly string[] Nist80061Phases = ["detection", "analysis", "containment", "eradication", "recovery", "post_incident"];

    public static ComplianceMappings? Read(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "compliance_mappings") is not { } section) return null;
        r.AllowOnly(section, "nist_800_61", "nist_800_53");

        Dictionary<string, string>? phases = null;
        if (r.RequireMap(section, "nist_800_61") is { } phaseMap)
        {
            r.AllowOnly(phaseMap, Nist80061Phases);
            phases = Strings(r, phaseMap, _ => true, "");
        }

        Dictionary<string, string>? controls = null;
        if (r.RequireMap(section, "nist_800_53") is { } controlMap)
        {
            controls = Strings(r, controlMap, k => ControlId().IsMatch(k), "is not a NIST 800-53 control id such as IR-4 or AC-2(1)");
        }

        return phases is null || controls is null ? null : new ComplianceMappings(phases, controls);
    }

    private static Dictionary<string, string>? Strings(NodeReader r, YamlMap map, Func<string, bool> keyValid, string keyProblem)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, keyNode, value) in map.Entries)
        {
            if (!keyValid(key))
            {
                r.Error(keyNode, map.FieldOf(key), $"'{key}' {keyProblem}");
                ok = false;
            }
            else if (r.AsString(value, map.FieldOf(key)) is { } text) result[key] = text;
            else ok = false;
        }
        return ok ? result : null;
    }

    [GeneratedRegex(@"^[A-Z]{2}-\d{1,2}(\(\d{1,2}\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ControlId();
}
