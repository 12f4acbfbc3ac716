using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Playbooks;

/// <summary>Loads and validates config/playbooks.yaml: which playbooks the agents run beside, and in which mode.</summary>
public static class PlaybookCatalogLoader
{
    private static readonly string[] EntryKeys = ["name", "platform", "instance", "match", "mode", "by_severity", "capabilities"];
    private static readonly string[] MatchKeys = ["soar_instance", "labels", "playbook", "incident_types", "playbooks", "kafka_topic", "rule_name"];
    private static readonly string[] SplunkOnlyMatchKeys = ["soar_instance", "labels", "playbook"];
    private static readonly string[] XsoarOnlyMatchKeys = ["incident_types", "playbooks"];
    private static readonly string[] Platforms = ["splunk_soar", "xsoar"];
    private static readonly string[] ReservedMatchKeys = ["kafka_topic", "rule_name"];

    /// <summary>Loads the file.</summary>
    /// <exception cref="DefinitionValidationException">The file is missing, not YAML, or breaks a rule; lists every error.</exception>
    public static PlaybookCatalog Load(string path)
    {
        var (catalog, errors) = TryLoad(path);
        return catalog ?? throw new DefinitionValidationException(errors);
    }

    /// <summary>Loads the file; on failure the catalog is null and <c>Errors</c> lists every problem found.</summary>
    public static (PlaybookCatalog? Catalog, IReadOnlyList<DefinitionError> Errors) TryLoad(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var r = new NodeReader(path);
        if (YamlDocumentReader.Read(path, r) is not { } file || r.Root(file.Root) is not { } root) return (null, r.Errors);
        r.AllowOnly(root, "playbooks");
        var items = r.RequireList(root, "playbooks", allowEmpty: true);
        var entries = new List<PlaybookEntry>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, field) in items ?? [])
        {
            if (ReadEntry(r, node, field) is not { } entry) continue;
            if (names.TryGetValue(entry.Name, out var first))
                r.Error(node, field + ".name", $"entry name '{entry.Name}' is already used at {first}");
            else
                names[entry.Name] = field;
            entries.Add(entry);
        }
        CheckUnreachable(r, entries, items ?? []);
        return r.HasErrors || items is null ? (null, r.Errors) : (new PlaybookCatalog(entries, file.Sha256, OffEverywhere(path, entries, items)), r.Errors);
    }

    // `mode: shadow` with every severity overridden to off reads as "shadow" but is off: its containers are never
    // touched (not even listed). Valid, and a plain `mode: off` says the same, so it is a warning, not an error.
    private static List<DefinitionError> OffEverywhere(string path, List<PlaybookEntry> entries, IReadOnlyList<(YamlNode Node, string Field)> items)
    {
        var warnings = new List<DefinitionError>();
        foreach (var (entry, (node, field)) in entries.Zip(items))
        {
            if (!entry.IsOffForEverySeverity || entry.Mode == PlaybookMode.Off) continue;
            var at = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("by_severity"), out var bySeverity) ? bySeverity : node;
            warnings.Add(new DefinitionError(path, checked((int)at.Start.Line), checked((int)at.Start.Column), field + ".by_severity",
                $"entry '{entry.Name}' is off for every severity (by_severity overrides mode {entry.Mode.ToWire()} for all of them): its containers are never touched; write `mode: off` if that is meant"));
        }
        return warnings;
    }

    private static PlaybookEntry? ReadEntry(NodeReader r, YamlNode node, string field)
    {
        if (r.AsMapAllowing(node, field, EntryKeys) is not { } map) return null;
        var name = r.RequireString(map, "name");
        if (name is not null && !SnakeCase.IsIdentifier(name))
        {
            r.Error(map.Get("name"), map.FieldOf("name"), $"'{name}' must be a snake_case identifier, e.g. phishing_triage");
            name = null;
        }
        var platform = NodeReader.Optional(map, "platform") is { } p
            ? r.AsOneOf(p, map.FieldOf("platform"), Platforms) switch { "xsoar" => SoarPlatform.Xsoar, null => (SoarPlatform?)null, _ => SoarPlatform.SplunkSoar }
            : SoarPlatform.SplunkSoar;
        var instance = ReadInstance(r, map, platform);
        var match = r.RequireMap(map, "match") is { } m && platform is { } known
            ? known == SoarPlatform.Xsoar ? ReadXsoarMatch(r, m, instance) : ReadMatch(r, m)
            : null;
        var mode = r.RequireEnum<PlaybookMode>(map, "mode");
        var bySeverity = ReadBySeverity(r, map);
        var capabilities = PlaybookCapabilitiesReader.Read(r, map, out var capabilitiesValid);
        return name is null || match is null || mode is null || bySeverity is null || !capabilitiesValid
            ? null
            : new PlaybookEntry(name, match, mode.Value, bySeverity) { Capabilities = capabilities };
    }

    // `instance` names an XSOAR instance; Splunk SOAR entries keep theirs in match.soar_instance (one place per platform,
    // so an entry cannot name two instances that disagree).
    private static string? ReadInstance(NodeReader r, YamlMap map, SoarPlatform? platform)
    {
        var instance = r.OptionalString(map, "instance");
        if (instance is not null && platform == SoarPlatform.SplunkSoar)
        {
            r.Error(map.Get("instance"), map.FieldOf("instance"), "'instance' applies to platform: xsoar; a Splunk SOAR entry names its instance in match.soar_instance");
            return null;
        }
        return instance;
    }

    private static PlaybookMatch? ReadXsoarMatch(NodeReader r, YamlMap map, string? instance)
    {
        r.AllowOnly(map, MatchKeys);
        foreach (var key in SplunkOnlyMatchKeys.Concat(ReservedMatchKeys).Where(map.Has))
        {
            var hint = key switch
            {
                "labels" => "XSOAR incidents are matched by incident_types",
                "playbook" => "write playbooks: [...] (the playbook attached to the incident)",
                "soar_instance" => "name the XSOAR instance in the entry's 'instance'",
                _ => "reserved for Kafka intake and not supported yet",
            };
            r.Error(map.Get(key), map.FieldOf(key), $"'{key}' does not apply to platform: xsoar; {hint}");
        }
        var types = OneOrMany(r, map, "incident_types");
        var playbooks = OneOrMany(r, map, "playbooks");
        // An entry with neither would take every incident of the instance: say so explicitly with a type list instead.
        if (!map.Has("incident_types") && !map.Has("playbooks"))
        {
            r.Error(map.Node, map.FieldOf("incident_types"), "an xsoar entry needs incident_types and/or playbooks (incidents are searched by type, narrowed by attached playbook)");
            return null;
        }
        return types is null || playbooks is null ? null : new PlaybookMatch(instance, [], playbooks) { Platform = SoarPlatform.Xsoar, IncidentTypes = types };
    }

    private static PlaybookMatch? ReadMatch(NodeReader r, YamlMap map)
    {
        r.AllowOnly(map, MatchKeys);
        foreach (var key in XsoarOnlyMatchKeys.Where(map.Has))
            r.Error(map.Get(key), map.FieldOf(key), $"'{key}' applies to platform: xsoar; add `platform: xsoar` to the entry or match Splunk SOAR containers by labels and playbook");
        foreach (var key in ReservedMatchKeys.Where(map.Has))
            r.Error(map.Get(key), map.FieldOf(key), $"'{key}' is reserved for Kafka intake and not supported yet; match by labels and/or playbook");
        var instance = r.OptionalString(map, "soar_instance");
        var labels = OneOrMany(r, map, "labels");
        var playbooks = OneOrMany(r, map, "playbook");
        foreach (var playbook in playbooks ?? [])
        {
            var parts = playbook.Split('/');
            if (parts.Length > 2 || parts.Any(p => p.Trim().Length == 0))
                r.Error(map.Get("playbook"), map.FieldOf("playbook"), $"'{playbook}' is not a playbook name; write repo/name (e.g. local/phishing_investigate) or name");
        }
        // The SOAR is polled by label (listing every container would touch those of playbooks that are off), so a
        // playbook name narrows a label and never stands alone.
        if (!map.Has("labels"))
        {
            r.Error(map.Node, map.FieldOf("labels"), map.Has("playbook")
                ? "labels are required: containers are polled by label; add the labels of the containers this playbook runs on"
                : "missing required key 'labels' (optionally narrowed by playbook)");
            return null;
        }
        return labels is null || playbooks is null ? null : new PlaybookMatch(instance, labels, playbooks);
    }

    // `labels: phishing` and `labels: [phishing, malware]` both read; an absent key is an empty list.
    private static List<string>? OneOrMany(NodeReader r, YamlMap map, string key)
    {
        if (NodeReader.Optional(map, key) is not { } node) return map.Has(key) ? Missing(r, map, key) : [];
        if (r.AsOneOrMany(node, map.FieldOf(key)) is not { } items) return null;
        var result = new List<string>();
        var ok = true;
        foreach (var (item, field) in items)
        {
            if (r.AsString(item, field) is not { } text) { ok = false; continue; }
            if (result.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                r.Error(item, field, $"'{text}' is listed twice");
                ok = false;
                continue;
            }
            result.Add(text);
        }
        return ok ? result : null;
    }

    private static List<string>? Missing(NodeReader r, YamlMap map, string key)
    {
        r.Error(map.Get(key), map.FieldOf(key), "a value is required (or leave the key out)");
        return null;
    }

    private static Dictionary<Severity, PlaybookMode>? ReadBySeverity(NodeReader r, YamlMap map)
    {
        var result = new Dictionary<Severity, PlaybookMode>();
        if (r.OptionalMap(map, "by_severity") is not { } section) return result;
        var severities = SnakeCase.NamesOf<Severity>();
        r.AllowOnly(section, [.. severities.Keys]);
        var ok = true;
        foreach (var (key, _, value) in section.Entries)
        {
            if (!severities.TryGetValue(key, out var severity)) { ok = false; continue; }
            if (r.AsEnum<PlaybookMode>(value, section.FieldOf(key)) is { } mode) result[severity] = mode;
            else ok = false;
        }
        return ok ? result : null;
    }

    // An entry that can never win (an earlier entry takes every container it would) is almost always a mistake in the
    // order of the file, and a silent one: the admin believes a mode applies that never does.
    private static void CheckUnreachable(NodeReader r, List<PlaybookEntry> entries, IReadOnlyList<(YamlNode Node, string Field)> items)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var later = entries[i];
            var earlier = entries.Take(i).FirstOrDefault(e => Covers(e.Match, later.Match));
            if (earlier is null) continue;
            var (node, field) = items.FirstOrDefault(it => it.Node is YamlMappingNode m
                && m.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: var v } && v == later.Name);
            r.Error(node, field.Length > 0 ? field + ".match" : "playbooks", $"entry '{later.Name}' never matches: entry '{earlier.Name}' comes first and takes every {(later.Match.Platform == SoarPlatform.Xsoar ? "incident" : "container")} it would");
        }
    }

    private static bool Covers(PlaybookMatch earlier, PlaybookMatch later) =>
        earlier.Platform == later.Platform
        && (earlier.IncidentTypes.Count == 0 || (later.IncidentTypes.Count > 0 && later.IncidentTypes.All(t => earlier.IncidentTypes.Contains(t, StringComparer.OrdinalIgnoreCase))))
        && (earlier.SoarInstance is null || string.Equals(earlier.SoarInstance, later.SoarInstance, StringComparison.OrdinalIgnoreCase))
        && (earlier.Labels.Count == 0 || (later.Labels.Count > 0 && later.Labels.All(l => earlier.Labels.Contains(l, StringComparer.OrdinalIgnoreCase))))
        && (earlier.Playbooks.Count == 0 || (later.Playbooks.Count > 0 && later.Playbooks.All(p => earlier.Playbooks.Contains(p, StringComparer.OrdinalIgnoreCase))));
}
