using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Reads <c>platforms.splunk_soar</c> into a <see cref="SplunkSoarBinding"/>.</summary>
internal static class SplunkSoarBindingReader
{
    private static readonly string[] Keys = ["app", "action", "assets", "parameters", "source", "results"];

    public static SplunkSoarBinding? Read(NodeReader r, YamlMap map, ActionKind? kind)
    {
        var before = r.Errors.Count;
        r.AllowOnly(map, Keys);
        var app = r.RequireString(map, "app");
        var action = r.RequireString(map, "action");
        var source = r.RequireString(map, "source");
        var assets = NodeReader.Optional(map, "assets") is { } assetsNode
            ? r.AsList(assetsNode, map.FieldOf("assets"), allowEmpty: true) is { } items ? Assets(r, items) : null
            : [];
        var parameters = ReadParameters(r, map, kind);
        var results = ReadResults(r, map, kind);

        if (r.Errors.Count > before || app is null || action is null || source is null || assets is null || parameters is null)
        {
            return null;
        }
        return new SplunkSoarBinding
        {
            App = app.Trim(),
            Action = action.Trim(),
            Assets = assets,
            Parameters = parameters,
            Provenance = source.Trim(),
            Results = results,
        };
    }

    private static List<string>? Assets(NodeReader r, IReadOnlyList<(YamlNode Node, string Field)> items)
    {
        var assets = new List<string>(items.Count);
        foreach (var (node, field) in items)
        {
            if (r.AsString(node, field) is not { } name) return null;
            if (assets.Contains(name, StringComparer.Ordinal))
            {
                r.Error(node, field, $"'{name}' is listed twice");
                return null;
            }
            assets.Add(name);
        }
        return assets;
    }

    private static Dictionary<string, string>? ReadParameters(NodeReader r, YamlMap map, ActionKind? kind)
    {
        if (r.RequireMap(map, "parameters") is not { } parameters) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (name, _, valueNode) in parameters.Entries)
        {
            var field = parameters.FieldOf(name);
            if (valueNode is not YamlScalarNode { Value: { } value } || NodeReader.IsNull(valueNode))
            {
                var got = valueNode is YamlScalarNode ? "nothing" : valueNode is YamlSequenceNode ? "a list" : "a map";
                r.Error(valueNode, field, $"expected a literal value or {TargetTemplate.Target}, got {got}");
                ok = false;
                continue;
            }
            if (TargetTemplate.LooksTemplated(value) && !TargetTemplate.IsTarget(value))
            {
                // Alert content is attacker-controlled: no expressions, no other references, no ${target} inside a longer string.
                r.Error(valueNode, field, $"'{value}' is not allowed: a value is a literal or exactly {TargetTemplate.Target}");
                ok = false;
                continue;
            }
            if (TargetTemplate.IsTarget(value) && kind == ActionKind.Notification)
            {
                r.Error(valueNode, field, $"a notification action has no target observable, so it cannot use {TargetTemplate.Target}");
                ok = false;
                continue;
            }
            result[name] = value;
        }
        if (ok && kind is not null and not ActionKind.Notification && !result.Values.Any(TargetTemplate.IsTarget))
        {
            r.Error(parameters.Node, parameters.Path, $"no parameter uses {TargetTemplate.Target}, so the action would not act on its target");
            ok = false;
        }
        return ok ? result : null;
    }

    private static ResultParsing? ReadResults(NodeReader r, YamlMap map, ActionKind? kind)
    {
        var node = NodeReader.Optional(map, "results");
        if (kind == ActionKind.Enrichment && node is null)
        {
            r.Error(map.Node, map.FieldOf("results"), "an enrichment action must say how to read its results (verdict and facts)");
            return null;
        }
        if (node is null) return null;
        if (kind is not null and not ActionKind.Enrichment)
        {
            r.Error(node, map.FieldOf("results"),
                $"only enrichment actions read results into findings; this is a {SnakeCase.Of(kind.Value.ToString())} action");
            return null;
        }
        return r.AsMap(node, map.FieldOf("results")) is { } results ? ResultParsingReader.Read(r, results) : null;
    }
}
