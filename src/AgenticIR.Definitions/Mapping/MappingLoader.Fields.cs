using AgenticIR.Core.Alerts;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

internal static partial class MappingLoader
{
    private static readonly string[] TimestampFormats = ["auto", "iso8601", "epoch_seconds", "epoch_millis", "rfc2822"];

    private static MappingDefinition ParseFields(YamlNodeReader yaml, YamlNode node, MappingDefinition definition)
    {
        var map = yaml.Mapping(node, "fields", "title", "rule_name", "description", "severity", "category", "timestamp", "product", "alert_id");
        if (map is null) return definition;
        IReadOnlyList<FieldSource> Sources(string key) =>
            YamlNodeReader.Child(map, key) is { } n ? ParseSources(yaml, n, YamlNodeReader.Join("fields", key)) : [];
        return definition with
        {
            Title = Sources("title"),
            RuleName = Sources("rule_name"),
            AlertDescription = Sources("description"),
            Category = Sources("category"),
            Product = Sources("product"),
            AlertId = Sources("alert_id"),
            Severity = YamlNodeReader.Child(map, "severity") is { } s ? ParseSeverity(yaml, s) : null,
            Timestamp = YamlNodeReader.Child(map, "timestamp") is { } t ? ParseTimestamp(yaml, t) : null,
        };
    }

    /// <summary>A path, <c>{ path: … }</c>, <c>{ value: literal }</c>, or a list of those tried in order.</summary>
    private static List<FieldSource> ParseSources(YamlNodeReader yaml, YamlNode node, string field)
    {
        var result = new List<FieldSource>();
        var items = YamlNodeReader.List(node);
        for (var i = 0; i < items.Count; i++)
        {
            var itemField = node is YamlSequenceNode ? YamlNodeReader.Index(field, i) : field;
            var item = items[i];
            if (item is YamlScalarNode)
            {
                if (ParsePath(yaml, item, itemField) is { } path) result.Add(new FieldSource(path, null));
                continue;
            }
            var map = yaml.Mapping(item, itemField, "path", "value");
            if (map is null) continue;
            if (YamlNodeReader.Child(map, "path") is { } p && YamlNodeReader.Child(map, "value") is null)
            {
                if (ParsePath(yaml, p, YamlNodeReader.Join(itemField, "path")) is { } path) result.Add(new FieldSource(path, null));
            }
            else if (YamlNodeReader.Child(map, "value") is { } v && YamlNodeReader.Child(map, "path") is null)
            {
                if (yaml.Scalar(v, YamlNodeReader.Join(itemField, "value")) is { } literal) result.Add(new FieldSource(null, literal));
            }
            else
            {
                yaml.Error(item, itemField, "expected exactly one of 'path' or 'value'");
            }
        }
        return result;
    }

    private static SeveritySpec? ParseSeverity(YamlNodeReader yaml, YamlNode node)
    {
        const string field = "fields.severity";
        if (node is not YamlMappingNode) return new SeveritySpec { From = ParseSources(yaml, node, field) };
        var map = yaml.Mapping(node, field, "from", "map", "ranges");
        if (map is null) return null;
        var from = YamlNodeReader.Child(map, "from") is { } f ? ParseSources(yaml, f, field + ".from") : [];
        if (from.Count == 0) yaml.Error(node, field + ".from", "'from' is required: where the severity is read");
        var values = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (YamlNodeReader.Child(map, "map") is { } m)
        {
            if (m is not YamlMappingNode pairs) yaml.Error(m, field + ".map", "expected source value: severity pairs");
            else
            {
                foreach (var (key, value) in pairs.Children)
                {
                    var sourceValue = (key as YamlScalarNode)?.Value ?? "";
                    var target = ParseSeverityName(yaml, value, $"{field}.map.{sourceValue}");
                    if (target is { } t) values[sourceValue.Trim()] = t;
                }
            }
        }
        var ranges = new List<SeverityRange>();
        if (YamlNodeReader.Child(map, "ranges") is { } r)
        {
            if (r is not YamlSequenceNode list) yaml.Error(r, field + ".ranges", "expected a list of { min, max, severity }");
            else
            {
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var rangeField = YamlNodeReader.Index(field + ".ranges", i);
                    var range = yaml.Mapping(list.Children[i], rangeField, "min", "max", "severity");
                    if (range is null) continue;
                    double? Bound(string key) => YamlNodeReader.Child(range, key) is { } b ? yaml.Number(b, $"{rangeField}.{key}") : null;
                    var min = Bound("min");
                    var max = Bound("max");
                    var severity = YamlNodeReader.Child(range, "severity") is { } s ? ParseSeverityName(yaml, s, rangeField + ".severity") : null;
                    if (min is null || max is null || severity is null)
                        yaml.Error(range, rangeField, "a range needs numeric 'min', 'max' and a 'severity'");
                    else if (min > max)
                        yaml.Error(range, rangeField, $"min {min} is greater than max {max}");
                    else
                        ranges.Add(new SeverityRange(min.Value, max.Value, severity.Value));
                }
            }
        }
        return new SeveritySpec { From = from, Map = values, Ranges = ranges };
    }

    private static Severity? ParseSeverityName(YamlNodeReader yaml, YamlNode node, string field)
    {
        var text = yaml.Scalar(node, field);
        if (text is null) return null;
        if (Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && !int.TryParse(text, out _)) return severity;
        yaml.Error(node, field, $"unknown severity '{text}'; expected informational, low, medium, high or critical");
        return null;
    }

    private static TimestampSpec? ParseTimestamp(YamlNodeReader yaml, YamlNode node)
    {
        const string field = "fields.timestamp";
        if (node is not YamlMappingNode) return new TimestampSpec { From = ParseSources(yaml, node, field) };
        var map = yaml.Mapping(node, field, "from", "formats");
        if (map is null) return null;
        var from = YamlNodeReader.Child(map, "from") is { } f ? ParseSources(yaml, f, field + ".from") : [];
        if (from.Count == 0) yaml.Error(node, field + ".from", "'from' is required: candidate timestamp paths");
        var formats = new List<string>();
        if (YamlNodeReader.Child(map, "formats") is { } fmts)
        {
            var items = YamlNodeReader.List(fmts);
            for (var i = 0; i < items.Count; i++)
            {
                var formatField = YamlNodeReader.Index(field + ".formats", i);
                var format = yaml.Scalar(items[i], formatField);
                if (format is null) continue;
                if (TimestampFormats.Contains(format) || (format.Contains("yy", StringComparison.Ordinal) && format.Contains("dd", StringComparison.Ordinal)))
                    formats.Add(format);
                else
                    yaml.Error(items[i], formatField, $"unknown timestamp format '{format}'; expected {string.Join(", ", TimestampFormats)} or a .NET pattern such as 'yyyy-MM-dd HH:mm:ss'");
            }
        }
        return new TimestampSpec { From = from, Formats = formats.Count == 0 ? ["auto"] : formats };
    }

    private static List<TechniqueSpec> ParseTechniques(YamlNodeReader yaml, YamlNode node)
    {
        var result = new List<TechniqueSpec>();
        var items = YamlNodeReader.List(node);
        for (var i = 0; i < items.Count; i++)
        {
            var field = YamlNodeReader.Index("techniques", i);
            if (items[i] is YamlScalarNode)
            {
                if (ParsePath(yaml, items[i], field) is { } bare) result.Add(new TechniqueSpec(bare, TechniqueIds.DefaultPattern));
                continue;
            }
            var map = yaml.Mapping(items[i], field, "path", "pattern");
            if (map is null) continue;
            var path = YamlNodeReader.Child(map, "path") is { } p ? ParsePath(yaml, p, field + ".path") : null;
            if (YamlNodeReader.Child(map, "path") is null) yaml.Error(items[i], field + ".path", "'path' is required");
            var pattern = YamlNodeReader.Child(map, "pattern") is { } r ? ParseRegex(yaml, r, field + ".pattern") : TechniqueIds.DefaultPattern;
            if (path is not null && pattern is not null) result.Add(new TechniqueSpec(path, pattern));
        }
        return result;
    }

    private static List<ObservableSpec> ParseObservables(YamlNodeReader yaml, YamlNode node)
    {
        var result = new List<ObservableSpec>();
        if (node is not YamlSequenceNode list) { yaml.Error(node, "observables", "expected a list of { path, type, role }"); return result; }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = YamlNodeReader.Index("observables", i);
            var map = yaml.Mapping(list.Children[i], field, "path", "type", "role");
            if (map is null) continue;
            var pathNode = YamlNodeReader.Child(map, "path");
            var typeNode = YamlNodeReader.Child(map, "type");
            if (pathNode is null) yaml.Error(map, field + ".path", "'path' is required");
            if (typeNode is null) yaml.Error(map, field + ".type", "'type' is required (an observable type or auto)");
            var path = pathNode is null ? null : ParsePath(yaml, pathNode, field + ".path");
            var ok = false;
            var type = typeNode is null ? null : ParseType(yaml, typeNode, field + ".type", out ok);
            var role = YamlNodeReader.Child(map, "role") is { } r ? yaml.Scalar(r, field + ".role") : null;
            var hostFallback = typeNode is YamlScalarNode { Value: "host_or_ip" };
            if (path is not null && ok) result.Add(new ObservableSpec(path, type, role, hostFallback));
        }
        return result;
    }

    private static List<FreeTextSpec> ParseFreeText(YamlNodeReader yaml, YamlNode node)
    {
        var result = new List<FreeTextSpec>();
        var items = YamlNodeReader.List(node);
        for (var i = 0; i < items.Count; i++)
        {
            var field = YamlNodeReader.Index("free_text", i);
            if (items[i] is YamlScalarNode)
            {
                if (ParsePath(yaml, items[i], field) is { } bare) result.Add(new FreeTextSpec(bare, null));
                continue;
            }
            var map = yaml.Mapping(items[i], field, "path", "role");
            if (map is null) continue;
            if (YamlNodeReader.Child(map, "path") is not { } p) { yaml.Error(map, field + ".path", "'path' is required"); continue; }
            var role = YamlNodeReader.Child(map, "role") is { } r ? yaml.Scalar(r, field + ".role") : null;
            if (ParsePath(yaml, p, field + ".path") is { } path) result.Add(new FreeTextSpec(path, role));
        }
        return result;
    }

    private static List<KeyValuePair<string, IReadOnlyList<FieldSource>>> ParseAttributes(YamlNodeReader yaml, YamlNode node)
    {
        var result = new List<KeyValuePair<string, IReadOnlyList<FieldSource>>>();
        if (node is not YamlMappingNode map) { yaml.Error(node, "attributes", "expected name: path pairs"); return result; }
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            result.Add(new(name, ParseSources(yaml, value, YamlNodeReader.Join("attributes", name))));
        }
        return result;
    }

    private static WalkSpec? ParseWalk(YamlNodeReader yaml, YamlNode node)
    {
        var map = yaml.Mapping(node, "walk", "key_hints");
        if (map is null) return null;
        var hints = new List<KeyHint>();
        if (YamlNodeReader.Child(map, "key_hints") is not YamlSequenceNode list) return new WalkSpec(hints);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = YamlNodeReader.Index("walk.key_hints", i);
            var hint = yaml.Mapping(list.Children[i], field, "keys", "type", "role");
            if (hint is null) continue;
            var keys = YamlNodeReader.Child(hint, "keys") is { } k
                ? YamlNodeReader.List(k).Select((n, j) => yaml.Scalar(n, YamlNodeReader.Index(field + ".keys", j))).OfType<string>().Select(s => s.StartsWith('*') ? "*" + KeyHint.Normalize(s[1..]) : KeyHint.Normalize(s)).ToList()
                : [];
            if (keys.Count == 0) yaml.Error(hint, field + ".keys", "'keys' needs at least one key name");
            var ok = false;
            var type = YamlNodeReader.Child(hint, "type") is { } t ? ParseType(yaml, t, field + ".type", out ok) : null;
            if (YamlNodeReader.Child(hint, "type") is null) yaml.Error(hint, field + ".type", "'type' is required");
            var role = YamlNodeReader.Child(hint, "role") is { } r ? yaml.Scalar(r, field + ".role") : null;
            if (ok && keys.Count > 0) hints.Add(new KeyHint(keys, type, role));
        }
        return new WalkSpec(hints);
    }
}
