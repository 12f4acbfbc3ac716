using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Reads one <c>connectors/&lt;name&gt;.yaml</c> file into an <see cref="ActionDefinition"/>.</summary>
internal static class ConnectorFileReader
{
    private static readonly string[] Keys =
        ["name", "description", "kind", "reversible", "rollback_action", "target_types", "expected_duration_seconds", "platforms"];

    public static ConnectorEntry? Read(string path, NodeReader r)
    {
        if (YamlDocumentReader.Read(path, r) is not { } file || r.Root(file.Root) is not { } root) return null;
        r.AllowOnly(root, Keys);

        var name = r.RequireString(root, "name");
        var expected = Path.GetFileNameWithoutExtension(path);
        if (name is not null && !SnakeCase.IsIdentifier(name))
        {
            r.Error(root.Get("name"), "name", $"'{name}' is not a logical action name (lower-case snake_case, e.g. block_ip)");
        }
        else if (name is not null && name != expected)
        {
            r.Error(root.Get("name"), "name", $"'{name}' must equal the file name '{expected}'");
        }

        var description = r.RequireString(root, "description");
        var kind = r.RequireEnum<ActionKind>(root, "kind");
        var reversible = r.RequireBool(root, "reversible");
        var rollback = r.OptionalString(root, "rollback_action");
        var duration = r.RequireInt(root, "expected_duration_seconds", 1, 86_400);
        var targets = ReadTargets(r, root, kind);
        var splunkSoar = PlatformsReader.Read(r, root, kind, out var xsoar);

        CheckRollback(r, root, name, kind, reversible, rollback);

        if (r.HasErrors || name is null || description is null || kind is null || reversible is null || duration is null || targets is null)
        {
            return null;
        }

        var action = new ActionDefinition
        {
            Name = name,
            Description = description.Trim(),
            Kind = kind.Value,
            Reversible = reversible.Value,
            RollbackAction = rollback,
            TargetTypes = targets,
            ExpectedDuration = TimeSpan.FromSeconds(duration.Value),
            SplunkSoar = splunkSoar,
            Xsoar = xsoar?.Binding,
            XsoarUnsupported = xsoar?.Unsupported,
            SourceFile = path,
        };
        var rollbackNode = root.Get("rollback_action");
        return new ConnectorEntry(action, r.LocationOf(root.Get("kind")!, "kind"),
            rollback is null || rollbackNode is null ? null : r.LocationOf(rollbackNode, "rollback_action"),
            r.LocationOf(NodeReader.Optional(root, PlatformsReader.Key) ?? root.Node, PlatformsReader.Key), xsoar?.Location);
    }

    private static List<ObservableType>? ReadTargets(NodeReader r, YamlMap root, ActionKind? kind)
    {
        // Tickets and notifications address the incident, not an observable, so only they may list none.
        if (r.RequireList(root, "target_types", allowEmpty: true) is not { } items) return null;
        var targets = new List<ObservableType>();
        var ok = true;
        foreach (var (node, field) in items)
        {
            if (r.AsOneOf(node, field, [.. ObservableTypeNames.All]) is not { } text || !ObservableTypeNames.TryParse(text, out var type))
            {
                ok = false;
            }
            else if (targets.Contains(type))
            {
                r.Error(node, field, $"'{text}' is listed twice");
                ok = false;
            }
            else targets.Add(type);
        }
        if (items.Count == 0 && kind is not null and not ActionKind.Notification)
        {
            r.Error(root.Get("target_types"), "target_types", "the list must not be empty (only notification actions may target nothing)");
            ok = false;
        }
        return ok ? targets : null;
    }

    private static void CheckRollback(NodeReader r, YamlMap root, string? name, ActionKind? kind, bool? reversible, string? rollback)
    {
        if (rollback is not null && rollback == name)
        {
            r.Error(root.Get("rollback_action"), "rollback_action", "an action cannot be its own rollback");
        }
        else if (rollback is not null && reversible == false)
        {
            r.Error(root.Get("rollback_action"), "rollback_action", "an irreversible action (reversible: false) cannot name a rollback_action");
        }
        else if (rollback is null && reversible == true && kind is ActionKind.Containment or ActionKind.Eradication)
        {
            // The planner promises analysts a way back for every reversible change it makes.
            r.Error(root.Node, "rollback_action", "a reversible containment or eradication action must name its rollback_action");
        }
    }
}
