using System.Text.RegularExpressions;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Reads <c>platforms.xsoar</c>: an integration command binding, or <c>unsupported: &lt;reason&gt;</c>.</summary>
internal static partial class XsoarBindingReader
{
    public const string Field = "platforms.xsoar";
    public const string UnsupportedKey = "unsupported";

    private const string UsingKey = "using";
    private static readonly string[] Keys = ["integration", "command", "arguments", "source", "results"];

    public static XsoarPlatform? Read(NodeReader r, YamlNode node, ActionKind? kind)
    {
        if (r.AsMap(node, Field) is not { } map) return null;
        var location = r.LocationOf(node, Field);
        if (map.Has(UnsupportedKey)) return ReadUnsupported(r, map, location);

        var before = r.Errors.Count;
        r.AllowOnly(map, Keys, [UsingKey]);
        if (map.Get(UsingKey) is { } usingNode)
        {
            // The instance that runs a command differs per deployment (and per tenant); a connector file is shared by all.
            r.Error(usingNode, map.FieldOf(UsingKey),
                "the integration instance (using=) is chosen per deployment in config/soar.yaml, not in a connector file");
        }
        var integration = r.RequireString(map, "integration");
        var command = ReadCommand(r, map);
        var arguments = ReadArguments(r, map, kind);
        var source = ReadSource(r, map, command);
        var results = ReadResults(r, map, kind);

        if (r.Errors.Count > before || integration is null || command is null || arguments is null || source is null) return null;
        var binding = new XsoarBinding
        {
            Integration = integration.Trim(),
            Command = command,
            Arguments = arguments,
            Provenance = source,
            Results = results,
        };
        return new XsoarPlatform(binding, null, location);
    }

    private static XsoarPlatform? ReadUnsupported(NodeReader r, YamlMap map, YamlLocation location)
    {
        var before = r.Errors.Count;
        r.AllowOnly(map, UnsupportedKey);
        var reason = r.RequireString(map, UnsupportedKey);
        if (reason is not null && reason.Trim().Length < 20)
        {
            r.Error(map.Get(UnsupportedKey), map.FieldOf(UnsupportedKey),
                "say why no integration command performs this action (which integrations were checked and what is missing)");
        }
        return r.Errors.Count > before || reason is null ? null : new XsoarPlatform(null, reason.Trim(), location);
    }

    private static string? ReadCommand(NodeReader r, YamlMap map)
    {
        if (r.RequireString(map, "command") is not { } text) return null;
        var command = text.Trim();
        if (command.StartsWith('!'))
        {
            r.Error(map.Get("command"), map.FieldOf("command"), $"write the command as the integration declares it, without '!': '{command[1..]}'");
            return null;
        }
        if (!CommandName().IsMatch(command))
        {
            r.Error(map.Get("command"), map.FieldOf("command"), $"'{command}' is not a command name (letters, digits, '-' and '_', as in script.commands[].name)");
            return null;
        }
        return command;
    }

    private static Dictionary<string, string>? ReadArguments(NodeReader r, YamlMap map, ActionKind? kind)
    {
        if (r.RequireMap(map, "arguments") is not { } arguments) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (name, _, valueNode) in arguments.Entries)
        {
            var field = arguments.FieldOf(name);
            if (valueNode is not YamlScalarNode { Value: { } value } || NodeReader.IsNull(valueNode))
            {
                var got = valueNode is YamlScalarNode ? "nothing" : valueNode is YamlSequenceNode ? "a list" : "a map";
                r.Error(valueNode, field, $"expected a literal value, {TargetTemplate.Target} or {TargetTemplate.TargetType}, got {got}");
                ok = false;
                continue;
            }
            var isTemplate = TargetTemplate.IsTarget(value) || TargetTemplate.IsTargetType(value);
            if (TargetTemplate.LooksTemplated(value) && !isTemplate)
            {
                // Alert content is attacker-controlled: no expressions, no context references, no ${target} inside a longer string.
                r.Error(valueNode, field, $"'{value}' is not allowed: a value is a literal, exactly {TargetTemplate.Target} or exactly {TargetTemplate.TargetType}");
                ok = false;
                continue;
            }
            if (isTemplate && kind == ActionKind.Notification)
            {
                r.Error(valueNode, field, $"a notification action has no target observable, so it cannot use {value}");
                ok = false;
                continue;
            }
            result[name] = value;
        }
        if (ok && kind is not null and not ActionKind.Notification && !result.Values.Any(TargetTemplate.IsTarget))
        {
            r.Error(arguments.Node, arguments.Path, $"no argument uses {TargetTemplate.Target}, so the command would not act on its target");
            ok = false;
        }
        return ok ? result : null;
    }

    private static string? ReadSource(NodeReader r, YamlMap map, string? command)
    {
        if (r.RequireString(map, "source") is not { } text) return null;
        var at = map.Get("source");
        if (!XsoarSource.TryParse(text, out var source))
        {
            r.Error(at, map.FieldOf("source"), $"provenance must read {XsoarSource.Form}");
            return null;
        }
        if (command is not null && !string.Equals(source.Command, command, StringComparison.Ordinal))
        {
            r.Error(at, map.FieldOf("source"), $"provenance names command \"{source.Command}\" but the binding runs '{command}'");
            return null;
        }
        return source.ToString();
    }

    private static ResultParsing? ReadResults(NodeReader r, YamlMap map, ActionKind? kind)
    {
        // Optional on enrichment actions: without it the command's war-room entry is reported as information.
        if (NodeReader.Optional(map, "results") is not { } node) return null;
        if (kind is not null and not ActionKind.Enrichment)
        {
            r.Error(node, map.FieldOf("results"),
                $"only enrichment actions read results into findings; this is a {SnakeCase.Of(kind.Value.ToString())} action");
            return null;
        }
        return r.AsMap(node, map.FieldOf("results")) is { } results ? ResultParsingReader.Read(r, results, XsoarContextPath.Problem) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();
}
