using AgenticIR.Definitions.Mapping.Attack;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

internal static partial class MappingLoader
{
    private static readonly string[] TimestampFormats = ["auto", "iso8601", "epoch_seconds", "epoch_millis", "rfc2822"];

    private static MappingDefinition ParseFields(NodeReader r, YamlNode node, MappingDefinition definition)
    {
        var map = r.AsMapAllowing(node, "fields", "title", "rule_name", "description", "severity", "confidence", "category", "timestamp", "product", "alert_id");
        if (map is null) return definition;
        IReadOnlyList<FieldSource> Sources(string key) =>
            NodeReader.Optional(map, key) is { } n ? ParseSources(r, n, map.FieldOf(key)) : [];
        return definition with
        {
            Title = Sources("title"),
            RuleName = Sources("rule_name"),
            AlertDescription = Sources("description"),
            Category = Sources("category"),
            Product = Sources("product"),
            AlertId = Sources("alert_id"),
            Severity = NodeReader.Optional(map, "severity") is { } s ? ParseSeverity(r, s, map.FieldOf("severity")) : null,
            Confidence = NodeReader.Optional(map, "confidence") is { } c ? ParseConfidence(r, c, map.FieldOf("confidence")) : null,
            Timestamp = NodeReader.Optional(map, "timestamp") is { } t ? ParseTimestamp(r, t, map.FieldOf("timestamp")) : null,
        };
    }

    /// <summary>A path, <c>{ path: … }</c>, <c>{ value: literal }</c>, or a list of those tried in order.</summary>
    private static List<FieldSource> ParseSources(NodeReader r, YamlNode node, string field)
    {
        var result = new List<FieldSource>();
        foreach (var (item, itemField) in r.AsOneOrMany(node, field) ?? [])
        {
            if (item is YamlScalarNode)
            {
                if (ParsePath(r, item, itemField) is { } path) result.Add(new FieldSource(path, null));
                continue;
            }
            var map = r.AsMapAllowing(item, itemField, "path", "value");
            if (map is null) continue;
            if (map.Get("path") is { } p && !map.Has("value"))
            {
                if (ParsePath(r, p, map.FieldOf("path")) is { } path) result.Add(new FieldSource(path, null));
            }
            else if (map.Get("value") is { } v && !map.Has("path"))
            {
                if (r.AsString(v, map.FieldOf("value")) is { } literal) result.Add(new FieldSource(null, literal));
            }
            else
            {
                r.Error(item, itemField, "expected exactly one of 'path' or 'value'");
            }
        }
        return result;
    }

    private static TimestampSpec? ParseTimestamp(NodeReader r, YamlNode node, string field)
    {
        if (node is not YamlMappingNode) return new TimestampSpec { From = ParseSources(r, node, field) };
        var map = r.AsMapAllowing(node, field, "from", "formats");
        if (map is null) return null;
        var from = r.Require(map, "from") is { } f ? ParseSources(r, f, map.FieldOf("from")) : [];
        var formats = new List<string>();
        if (NodeReader.Optional(map, "formats") is { } fmts)
        {
            foreach (var (item, formatField) in r.AsOneOrMany(fmts, map.FieldOf("formats")) ?? [])
            {
                var format = r.AsString(item, formatField);
                if (format is null) continue;
                if (TimestampFormats.Contains(format) || (format.Contains("yy", StringComparison.Ordinal) && format.Contains("dd", StringComparison.Ordinal)))
                    formats.Add(format);
                else
                    r.Error(item, formatField, $"unknown timestamp format '{format}'; expected {string.Join(", ", TimestampFormats)} or a .NET pattern such as 'yyyy-MM-dd HH:mm:ss'");
            }
        }
        return new TimestampSpec { From = from, Formats = formats.Count == 0 ? ["auto"] : formats };
    }

    /// <summary>A path of technique ids, <c>{ path, pattern }</c>, or <c>{ path, table, pattern?, outcome? }</c> for documented
    /// vendor types; <c>path</c> may be a list of paths that share the rest.</summary>
    private static List<TechniqueSpec> ParseTechniques(NodeReader r, YamlNode node, AttackTableSet tables)
    {
        var result = new List<TechniqueSpec>();
        foreach (var (item, field) in r.AsOneOrMany(node, "techniques") ?? [])
        {
            if (item is YamlScalarNode)
            {
                if (ParsePath(r, item, field) is { } bare) result.Add(new TechniqueSpec(bare, TechniqueIds.DefaultPattern));
                continue;
            }
            var map = r.AsMapAllowing(item, field, "path", "pattern", "table", "outcome");
            if (map is null) continue;
            var paths = r.Require(map, "path") is { } p && r.AsOneOrMany(p, map.FieldOf("path")) is { } items
                ? items.Select(i => ParsePath(r, i.Node, i.Field)).ToList()
                : [];
            var table = NodeReader.Optional(map, "table") is { } t ? ParseTable(r, t, map.FieldOf("table"), tables) : null;
            var pattern = NodeReader.Optional(map, "pattern") is { } rx ? ParseRegex(r, rx, map.FieldOf("pattern"))
                : map.Has("table") ? null : TechniqueIds.DefaultPattern;
            List<PayloadPath> outcome = [];
            if (map.Get("outcome") is { } o)
            {
                if (!map.Has("table")) r.Error(o, map.FieldOf("outcome"), "'outcome' qualifies a table lookup; add 'table' or remove it");
                else outcome = [.. (r.AsOneOrMany(o, map.FieldOf("outcome")) ?? []).Select(i => ParsePath(r, i.Node, i.Field)).OfType<PayloadPath>()];
            }
            if ((table is not null || !map.Has("table")) && (pattern is not null || !map.Has("pattern")))
                result.AddRange(paths.OfType<PayloadPath>().Select(path => new TechniqueSpec(path, pattern, table, outcome)));
        }
        return result;
    }

    private static AttackTable? ParseTable(NodeReader r, YamlNode node, string field, AttackTableSet tables)
    {
        if (r.AsString(node, field) is not { } name) return null;
        if (tables.Find(name) is { } table) return table;
        var known = tables.Names.Count == 0 ? "none (the tables live in mappings/attack/*.yaml)" : string.Join(", ", tables.Names);
        r.Error(node, field, $"unknown ATT&CK table '{name}'; known: {known}");
        return null;
    }

    private static List<ObservableSpec> ParseObservables(NodeReader r, YamlNode node)
    {
        var result = new List<ObservableSpec>();
        foreach (var (item, field) in r.AsList(node, "observables") ?? [])
        {
            var map = r.AsMapAllowing(item, field, "path", "type", "role");
            if (map is null) continue;
            var path = r.Require(map, "path") is { } p ? ParsePath(r, p, map.FieldOf("path")) : null;
            var typeNode = r.Require(map, "type");
            var ok = false;
            var type = typeNode is null ? null : ParseType(r, typeNode, map.FieldOf("type"), out ok);
            var role = r.OptionalString(map, "role");
            var hostFallback = typeNode is YamlScalarNode { Value: "host_or_ip" };
            if (path is not null && ok) result.Add(new ObservableSpec(path, type, role, hostFallback));
        }
        return result;
    }

    private static List<FreeTextSpec> ParseFreeText(NodeReader r, YamlNode node)
    {
        var result = new List<FreeTextSpec>();
        foreach (var (item, field) in r.AsOneOrMany(node, "free_text") ?? [])
        {
            if (item is YamlScalarNode)
            {
                if (ParsePath(r, item, field) is { } bare) result.Add(new FreeTextSpec(bare, null));
                continue;
            }
            var map = r.AsMapAllowing(item, field, "path", "role");
            if (map is null) continue;
            var role = r.OptionalString(map, "role");
            if (r.Require(map, "path") is { } p && ParsePath(r, p, map.FieldOf("path")) is { } path) result.Add(new FreeTextSpec(path, role));
        }
        return result;
    }

    private static List<KeyValuePair<string, IReadOnlyList<FieldSource>>> ParseAttributes(NodeReader r, YamlMap map) =>
        [.. map.Entries.Select(e => new KeyValuePair<string, IReadOnlyList<FieldSource>>(e.Key, ParseSources(r, e.Value, map.FieldOf(e.Key))))];

    private static WalkSpec? ParseWalk(NodeReader r, YamlNode node)
    {
        var map = r.AsMapAllowing(node, "walk", "key_hints");
        if (map is null) return null;
        var hints = new List<KeyHint>();
        if (NodeReader.Optional(map, "key_hints") is not { } list) return new WalkSpec(hints);
        foreach (var (item, field) in r.AsList(list, map.FieldOf("key_hints")) ?? [])
        {
            var hint = r.AsMapAllowing(item, field, "keys", "type", "role");
            if (hint is null) continue;
            var keys = r.Require(hint, "keys") is { } k && r.AsOneOrMany(k, hint.FieldOf("keys")) is { } keyItems
                ? keyItems.Select(n => r.AsString(n.Node, n.Field)).OfType<string>().Select(s => s.StartsWith('*') ? "*" + KeyHint.Normalize(s[1..]) : KeyHint.Normalize(s)).ToList()
                : [];
            var ok = false;
            var type = r.Require(hint, "type") is { } t ? ParseType(r, t, hint.FieldOf("type"), out ok) : null;
            var role = r.OptionalString(hint, "role");
            if (ok && keys.Count > 0) hints.Add(new KeyHint(keys, type, role));
        }
        return new WalkSpec(hints);
    }
}
