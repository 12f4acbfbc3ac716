using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Soar;

/// <summary>Loads and validates the SOAR instances (<c>config/soar.yaml</c>). A missing file means no instances:
/// the embedded default runs without a SOAR.</summary>
public static class SoarConfigLoader
{
    /// <summary>Loads the instances.</summary>
    /// <exception cref="DefinitionValidationException">The file is not YAML or breaks a rule; lists every error.</exception>
    public static IReadOnlyList<SoarInstanceDefinition> Load(string path)
    {
        var (instances, errors) = Read(path);
        return errors.Count == 0 ? instances : throw new DefinitionValidationException(errors);
    }

    /// <summary>Loads the instances; false when the file has errors, each as <c>file:line:column: field: message</c>.
    /// On failure <paramref name="instances"/> is empty.</summary>
    public static bool TryLoad(string path, out IReadOnlyList<SoarInstanceDefinition> instances, out IReadOnlyList<string> errors)
    {
        var (read, found) = Read(path);
        instances = read;
        errors = [.. found.Select(e => e.ToString())];
        return found.Count == 0;
    }

    /// <summary>Loads the Splunk SOAR instances with every error found (in either list); the list is empty whenever
    /// there are errors.</summary>
    public static (IReadOnlyList<SoarInstanceDefinition> Instances, IReadOnlyList<DefinitionError> Errors) Read(string path)
    {
        var (set, errors) = ReadSet(path);
        return (set.All, errors);
    }

    /// <summary>Loads every instance, Splunk SOAR and Cortex XSOAR, with every error found; the set is
    /// <see cref="SoarInstanceSet.None"/> whenever there are errors or the file is absent.</summary>
    public static (SoarInstanceSet Set, IReadOnlyList<DefinitionError> Errors) ReadSet(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return (SoarInstanceSet.None, []);

        var r = new NodeReader(path);
        if (YamlDocumentReader.Read(path, r) is not { } file || r.Root(file.Root) is not { } root) return (SoarInstanceSet.None, r.Errors);

        r.AllowOnly(root, "splunk_soar", "xsoar");
        if (!root.Has("splunk_soar") && !root.Has("xsoar")) r.Error(root.Node, "splunk_soar", "missing required key 'splunk_soar' (or 'xsoar')");
        var splunk = ReadSplunk(r, root);
        var xsoar = ReadXsoar(r, root);
        return r.HasErrors ? (SoarInstanceSet.None, r.Errors) : (new SoarInstanceSet(splunk) { Xsoar = xsoar }, []);
    }

    private static List<SoarInstanceDefinition> ReadSplunk(NodeReader r, YamlMap root)
    {
        var instances = new List<SoarInstanceDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!root.Has("splunk_soar")) return instances;
        foreach (var (node, field) in r.RequireList(root, "splunk_soar", allowEmpty: true) ?? [])
        {
            if (SoarInstanceReader.Read(r, node, field) is not { } instance) continue;
            if (seen.Add(instance.Name)) instances.Add(instance);
            else r.Error(node, field + ".name", $"instance name '{instance.Name}' is used twice");
        }
        return instances;
    }

    private static List<XsoarInstanceDefinition> ReadXsoar(NodeReader r, YamlMap root)
    {
        var instances = new List<XsoarInstanceDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!root.Has("xsoar")) return instances;
        foreach (var (node, field) in r.RequireList(root, "xsoar", allowEmpty: true) ?? [])
        {
            if (XsoarInstanceReader.Read(r, node, field) is not { } instance) continue;
            if (seen.Add(instance.Name)) instances.Add(instance);
            else r.Error(node, field + ".name", $"instance name '{instance.Name}' is used twice");
        }
        return instances;
    }
}
