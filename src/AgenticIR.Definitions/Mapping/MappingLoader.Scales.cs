using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Mapping;

internal static partial class MappingLoader
{
    private static readonly string[] Picks = ["first", "highest"];
    private static readonly string[] SeverityTargets = ["informational", "low", "medium", "high", "critical", "unknown"];

    /// <summary>
    /// <c>severity: path</c>, <c>severity: [paths]</c> or <c>{ from, map, ranges, pick }</c>; an item of <c>from</c> may
    /// carry its own <c>map</c>, <c>ranges</c> (each replaces the shared one of its kind) and <c>pattern</c>.
    /// </summary>
    private static SeveritySpec? ParseSeverity(NodeReader r, YamlNode node, string field)
    {
        if (node is not YamlMappingNode)
            return new SeveritySpec { From = [.. ParseSources(r, node, field).Select(s => new SeveritySource(s, EmptySeverityMap, []))] };
        var map = r.AsMapAllowing(node, field, "from", "map", "ranges", "pick");
        if (map is null) return null;
        var sharedMap = r.OptionalMap(map, "map") is { } m ? ParseSeverityMap(r, m) : EmptySeverityMap;
        var sharedRanges = NodeReader.Optional(map, "ranges") is { } rg ? ParseRanges(r, rg, map.FieldOf("ranges")) : [];
        var sources = new List<SeveritySource>();
        foreach (var (source, options) in r.Require(map, "from") is { } f ? ParseScaleSources(r, f, map.FieldOf("from"), "map", "ranges", "pattern") : [])
        {
            var ownMap = options is not null && r.OptionalMap(options, "map") is { } om ? ParseSeverityMap(r, om) : null;
            var ownRanges = options is not null && NodeReader.Optional(options, "ranges") is { } or ? ParseRanges(r, or, options.FieldOf("ranges"), allowEmpty: true) : null;
            var pattern = options is not null && NodeReader.Optional(options, "pattern") is { } p ? ParseRegex(r, p, options.FieldOf("pattern")) : null;
            sources.Add(new SeveritySource(source, ownMap ?? sharedMap, ownRanges ?? sharedRanges, pattern));
        }
        return new SeveritySpec { From = sources, Pick = ParsePick(r, map) };
    }

    /// <summary><c>confidence: path</c> or <c>{ from, map, scale, pick }</c>; items of <c>from</c> may carry <c>map</c>, <c>scale</c>, <c>pattern</c>.</summary>
    private static ConfidenceSpec? ParseConfidence(NodeReader r, YamlNode node, string field)
    {
        if (node is not YamlMappingNode)
            return new ConfidenceSpec { From = [.. ParseSources(r, node, field).Select(s => new ConfidenceSource(s, EmptyConfidenceMap, 100))] };
        var map = r.AsMapAllowing(node, field, "from", "map", "scale", "pick");
        if (map is null) return null;
        var sharedMap = r.OptionalMap(map, "map") is { } m ? ParseConfidenceMap(r, m) : EmptyConfidenceMap;
        var sharedScale = ParseScale(r, map) ?? 100;
        var sources = new List<ConfidenceSource>();
        foreach (var (source, options) in r.Require(map, "from") is { } f ? ParseScaleSources(r, f, map.FieldOf("from"), "map", "scale", "pattern") : [])
        {
            var ownMap = options is not null && r.OptionalMap(options, "map") is { } om ? ParseConfidenceMap(r, om) : null;
            var ownScale = options is null ? null : ParseScale(r, options);
            var pattern = options is not null && NodeReader.Optional(options, "pattern") is { } p ? ParseRegex(r, p, options.FieldOf("pattern")) : null;
            sources.Add(new ConfidenceSource(source, ownMap ?? sharedMap, ownScale ?? sharedScale, pattern));
        }
        return new ConfidenceSpec { From = sources, Pick = ParsePick(r, map) };
    }

    private static readonly Dictionary<string, Severity?> EmptySeverityMap = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, double> EmptyConfidenceMap = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Like <see cref="ParseSources"/>, but a map item may also hold the scale options named in <paramref name="options"/>.</summary>
    private static List<(FieldSource Source, YamlMap? Options)> ParseScaleSources(NodeReader r, YamlNode node, string field, params string[] options)
    {
        var result = new List<(FieldSource, YamlMap?)>();
        foreach (var (item, itemField) in r.AsOneOrMany(node, field) ?? [])
        {
            if (item is YamlScalarNode)
            {
                if (ParsePath(r, item, itemField) is { } bare) result.Add((new FieldSource(bare, null), null));
                continue;
            }
            var map = r.AsMapAllowing(item, itemField, ["path", "value", .. options]);
            if (map is null) continue;
            if (map.Get("path") is { } p && !map.Has("value"))
            {
                if (ParsePath(r, p, map.FieldOf("path")) is { } path) result.Add((new FieldSource(path, null), map));
            }
            else if (map.Get("value") is { } v && !map.Has("path"))
            {
                if (r.AsString(v, map.FieldOf("value")) is { } literal) result.Add((new FieldSource(null, literal), map));
            }
            else
            {
                r.Error(item, itemField, "expected exactly one of 'path' or 'value'");
            }
        }
        return result;
    }

    /// <summary>The number a source's values are divided by; it must be positive.</summary>
    private static double? ParseScale(NodeReader r, YamlMap map)
    {
        if (NodeReader.Optional(map, "scale") is not { } node || r.AsNumber(node, map.FieldOf("scale"), NumberRange.Any) is not { } scale) return null;
        if (scale > 0) return scale;
        r.Error(node, map.FieldOf("scale"), string.Create(CultureInfo.InvariantCulture, $"must be greater than 0, got {scale}"));
        return null;
    }

    private static ValuePick ParsePick(NodeReader r, YamlMap map) =>
        NodeReader.Optional(map, "pick") is { } node && r.AsOneOf(node, map.FieldOf("pick"), Picks) == "highest" ? ValuePick.Highest : ValuePick.First;

    private static Dictionary<string, Severity?> ParseSeverityMap(NodeReader r, YamlMap pairs)
    {
        var values = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sourceValue, _, value) in pairs.Entries)
        {
            if (ParseSeverityTarget(r, value, pairs.FieldOf(sourceValue), out var target)) values[sourceValue.Trim()] = target;
        }
        return values;
    }

    private static Dictionary<string, double> ParseConfidenceMap(NodeReader r, YamlMap pairs)
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sourceValue, _, value) in pairs.Entries)
        {
            if (r.AsNumber(value, pairs.FieldOf(sourceValue), NumberRange.UnitInterval) is { } number) values[sourceValue.Trim()] = number;
        }
        return values;
    }

    /// <summary>Bands of a numeric scale, sorted; overlapping bands are an error (a value must have one meaning).</summary>
    private static List<SeverityRange> ParseRanges(NodeReader r, YamlNode node, string field, bool allowEmpty = false)
    {
        var ranges = new List<(SeverityRange Range, YamlNode Node, string Field)>();
        foreach (var (item, rangeField) in r.AsList(node, field, allowEmpty) ?? [])
        {
            var range = r.AsMapAllowing(item, rangeField, "min", "max", "severity");
            if (range is null) continue;
            var min = r.RequireNumber(range, "min", NumberRange.Any);
            var max = r.RequireNumber(range, "max", NumberRange.Any);
            var ok = false;
            Severity? severity = null;
            if (r.Require(range, "severity") is { } s) ok = ParseSeverityTarget(r, s, range.FieldOf("severity"), out severity);
            if (min is null || max is null || !ok) continue;
            if (min > max) r.Error(item, rangeField, string.Create(CultureInfo.InvariantCulture, $"min {min} is greater than max {max}"));
            else ranges.Add((new SeverityRange(min.Value, max.Value, severity), item, rangeField));
        }
        ranges.Sort((a, b) => a.Range.Min.CompareTo(b.Range.Min));
        for (var i = 1; i < ranges.Count; i++)
        {
            var (previous, current) = (ranges[i - 1].Range, ranges[i].Range);
            if (current.Min <= previous.Max)
                r.Error(ranges[i].Node, ranges[i].Field, string.Create(CultureInfo.InvariantCulture,
                    $"range {current.Min}-{current.Max} overlaps range {previous.Min}-{previous.Max}; a value must fall in one band"));
        }
        return [.. ranges.Select(x => x.Range)];
    }

    private static bool ParseSeverityTarget(NodeReader r, YamlNode node, string field, out Severity? severity)
    {
        severity = null;
        var text = r.AsString(node, field);
        if (text is null) return false;
        if (text.Equals("unknown", StringComparison.OrdinalIgnoreCase)) return true;
        if (Enum.TryParse<Severity>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
        {
            severity = parsed;
            return true;
        }
        r.Error(node, field, $"unknown severity '{text}'; expected {string.Join(", ", SeverityTargets)}");
        return false;
    }

    private static void CheckConfidenceAttribute(NodeReader r, YamlMap root, MappingDefinition definition)
    {
        if (definition.Confidence is null || root.Get("attributes") is not YamlMappingNode node) return;
        var attributes = new YamlMap(node, "attributes");
        foreach (var (key, keyNode, _) in attributes.Entries)
        {
            if (key == "confidence")
                r.Error(keyNode, attributes.FieldOf(key), "attribute 'confidence' is written by fields.confidence; remove one of them");
        }
    }
}
