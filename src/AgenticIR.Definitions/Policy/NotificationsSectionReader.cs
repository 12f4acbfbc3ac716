using System.Text.RegularExpressions;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;
using YamlDotNet.RepresentationModel;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>notifications</c> section; every key defaults to <see cref="NotificationPolicy.Default"/>.</summary>
internal static partial class NotificationsSectionReader
{
    /// <summary>The section; <paramref name="mailAction"/> is where the mail action is named (for the check against the
    /// connectors), null without a mail section.</summary>
    public static NotificationPolicy Read(NodeReader r, YamlMap root, out YamlLocation? mailAction)
    {
        var d = NotificationPolicy.Default;
        mailAction = null;
        if (r.OptionalMap(root, "notifications") is not { } section) return d;
        r.AllowOnly(section, "kinds", "operations", "mail", "retry");
        var kinds = ReadKinds(r, section);
        var operations = ReadOperations(r, section);
        var mail = ReadMail(r, section);
        if (mail is not null && section.Get("mail") is YamlMappingNode mailNode)
        {
            var map = new YamlMap(mailNode, section.FieldOf("mail"));
            mailAction = map.Get("action") is { } actionNode ? r.LocationOf(actionNode, map.FieldOf("action")) : r.LocationOf(mailNode, map.Path);
        }
        var (attempts, initial, max) = ReadRetry(r, section);
        if (mail is null && section.Get("kinds") is { } kindsNode
            && kinds.Any(k => k.Value.Contains(NotificationTarget.Mail)))
            r.Error(kindsNode, section.FieldOf("kinds"), "a kind is delivered by 'mail' but notifications.mail (action and recipients) is not set");
        return new NotificationPolicy
        {
            Kinds = kinds,
            Operations = operations,
            Mail = mail,
            MaxAttempts = attempts ?? d.MaxAttempts,
            InitialBackoff = initial is { } i ? TimeSpan.FromSeconds(i) : d.InitialBackoff,
            MaxBackoff = max is { } m ? TimeSpan.FromSeconds(m) : d.MaxBackoff,
        };
    }

    private static Dictionary<NotificationKind, IReadOnlyList<NotificationTarget>> ReadKinds(NodeReader r, YamlMap section)
    {
        var kinds = new Dictionary<NotificationKind, IReadOnlyList<NotificationTarget>>(NotificationPolicy.DefaultKinds);
        if (r.OptionalMap(section, "kinds") is not { } map) return kinds;
        r.AllowOnly(map, [.. NotificationWire.KindNames]);
        foreach (var (key, _, _) in map.Entries)
        {
            if (!NotificationWire.KindNames.Contains(key)) continue;
            // An empty list turns the kind off.
            if (r.RequireOneOfList(map, key, NotificationWire.TargetNames, allowEmpty: true) is { } targets)
                kinds[NotificationWire.ParseKind(key)] = [.. targets.Select(NotificationWire.ParseTarget)];
        }
        return kinds;
    }

    private static NotificationOperations ReadOperations(NodeReader r, YamlMap section)
    {
        var d = NotificationOperations.Default;
        if (r.OptionalMap(section, "operations") is not { } map) return d;
        r.AllowOnly(map, "name", "label", "incident_type");
        return new NotificationOperations(
            NonBlank(r, map, "name") ?? d.Name,
            Label(r, map) ?? d.Label,
            NonBlank(r, map, "incident_type") ?? d.IncidentType);
    }

    private static NotificationMail? ReadMail(NodeReader r, YamlMap section)
    {
        if (r.OptionalMap(section, "mail") is not { } map) return null;
        r.AllowOnly(map, "action", "recipients", "instance");
        var action = NonBlank(r, map, "action") ?? "send_notification";
        var instance = NonBlank(r, map, "instance");
        var recipients = r.RequireList(map, "recipients");
        var addresses = new List<string>();
        foreach (var (node, field) in recipients ?? [])
        {
            if (r.AsString(node, field) is not { } address) continue;
            // One plain address per item: nothing that a mail app would split into several (commas, semicolons, spaces).
            if (!Address().IsMatch(address)) r.Error(node, field, $"'{address}' is not one mail address (name@domain, no spaces, commas or semicolons)");
            else if (addresses.Contains(address, StringComparer.OrdinalIgnoreCase)) r.Error(node, field, $"'{address}' is listed twice");
            else addresses.Add(address);
        }
        return recipients is null ? null : new NotificationMail(action, addresses, instance);
    }

    private static (int? Attempts, int? Initial, int? Max) ReadRetry(NodeReader r, YamlMap section)
    {
        if (r.OptionalMap(section, "retry") is not { } map) return (null, null, null);
        r.AllowOnly(map, "max_attempts", "initial_backoff_seconds", "max_backoff_seconds");
        var attempts = r.OptionalInt(map, "max_attempts", 1, 1000);
        var initial = r.OptionalInt(map, "initial_backoff_seconds", 1, 86_400);
        var max = r.OptionalInt(map, "max_backoff_seconds", 1, 86_400);
        if (initial is { } i && max is { } m && m < i)
            r.Error(map.Get("max_backoff_seconds"), map.FieldOf("max_backoff_seconds"), $"must be at least initial_backoff_seconds ({i})");
        return (attempts, initial, max);
    }

    private static string? NonBlank(NodeReader r, YamlMap map, string key)
    {
        var value = r.OptionalString(map, key);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            r.Error(map.Get(key), map.FieldOf(key), "must not be blank");
            return null;
        }
        return value?.Trim();
    }

    private static string? Label(NodeReader r, YamlMap map)
    {
        var label = NonBlank(r, map, "label");
        if (label is not null && !LabelName().IsMatch(label))
        {
            r.Error(map.Get("label"), map.FieldOf("label"), $"'{label}' is not a Splunk SOAR label name (lower-case letters, digits, '_' and '-')");
            return null;
        }
        return label;
    }

    [GeneratedRegex(@"^[^\s@,;<>""]+@[^\s@,;<>""]+\.[^\s@,;<>""]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"^[a-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
