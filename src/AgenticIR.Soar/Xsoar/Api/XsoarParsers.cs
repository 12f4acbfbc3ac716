using System.Text.Json;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Turns XSOAR answers into the client's records. Field names follow the Swagger of demisto-py 1bfe3ab
/// (<c>server_api_swagger.json</c>); where real answers differ from it, the comment says so.</summary>
internal static class XsoarParsers
{
    public static XsoarIncidentPage IncidentPage(JsonElement body) =>
        new(XsoarJson.Long(body, "total") ?? 0, [.. XsoarJson.Items(body, "data").Select(Incident)]);

    public static XsoarIncident Incident(JsonElement item) => new()
    {
        Id = XsoarJson.RequiredString(item, "id"),
        Name = XsoarJson.String(item, "name"),
        Type = XsoarJson.String(item, "type"),
        Severity = XsoarJson.Double(item, "severity"),
        Status = (int?)XsoarJson.Long(item, "status"),
        Created = XsoarJson.Date(item, "created"),
        Modified = XsoarJson.Date(item, "modified"),
        Occurred = XsoarJson.Date(item, "occurred"),
        PlaybookId = XsoarJson.String(item, "playbookId"),
        Owner = XsoarJson.String(item, "owner"),
        CloseReason = XsoarJson.String(item, "closeReason"),
        CloseNotes = XsoarJson.String(item, "closeNotes"),
        Version = XsoarJson.Long(item, "version"),
        Labels = [.. XsoarJson.Items(item, "labels")
            .Select(l => (Type: XsoarJson.String(l, "type"), Value: XsoarJson.String(l, "value")))
            .Where(l => l.Type is not null && l.Value is not null)
            .Select(l => new XsoarLabel(l.Type!, l.Value!))],
        CustomFields = XsoarJson.Property(item, "CustomFields") is { ValueKind: JsonValueKind.Object } custom ? custom.Clone() : null,
        Raw = item.Clone(),
    };

    public static XsoarEntry Entry(JsonElement item) => new()
    {
        Id = XsoarJson.RequiredString(item, "id"),
        Version = XsoarJson.Long(item, "version"),
        InvestigationId = XsoarJson.String(item, "investigationId"),
        Type = (int?)XsoarJson.Long(item, "type"),
        Contents = XsoarJson.Property(item, "contents") is { } contents ? XsoarJson.TextOf(contents) : null,
        Format = XsoarJson.String(item, "format"),
        ParentContent = XsoarJson.String(item, "parentContent"),
        User = XsoarJson.String(item, "user"),
        Brand = XsoarJson.String(item, "brand"),
        Instance = XsoarJson.String(item, "instance"),
        Created = XsoarJson.Date(item, "created"),
        Modified = XsoarJson.Date(item, "modified"),
        Note = XsoarJson.Bool(item, "note") ?? false,
        Tags = XsoarJson.Strings(item, "tags"),
        Task = XsoarJson.Property(item, "entryTask") is { ValueKind: JsonValueKind.Object } task
            ? new XsoarEntryTask(XsoarJson.String(task, "playbookName"), XsoarJson.String(task, "taskId"), XsoarJson.String(task, "taskName"), XsoarJson.String(task, "taskStatus"))
            : null,
    };

    /// <summary><c>POST /investigation/{id}</c> answers the investigation with its <c>entries</c> (demisto-sdk
    /// <c>get_investigation_status</c>; the path is not in the Swagger).</summary>
    public static IReadOnlyList<XsoarEntry> InvestigationEntries(JsonElement body) =>
        [.. XsoarJson.Items(body, "entries").Select(Entry)];

    /// <summary><c>/playbook/search</c>: <c>{total, playbooks[] {id, name, hidden, deprecated}}</c>; a playbook without an id
    /// is listed by its name.</summary>
    public static XsoarPlaybookPage PlaybookPage(JsonElement body) =>
        new(XsoarJson.Long(body, "total") ?? 0, [.. XsoarJson.Items(body, "playbooks")
            .Select(p => (Id: XsoarJson.String(p, "id"), Name: XsoarJson.String(p, "name"), Item: p))
            .Where(p => p.Id is { Length: > 0 } || p.Name is { Length: > 0 })
            .Select(p => new XsoarPlaybook(p.Id is { Length: > 0 } id ? id : p.Name!, p.Name is { Length: > 0 } name ? name : p.Id!,
                XsoarJson.Bool(p.Item, "hidden") ?? false, XsoarJson.Bool(p.Item, "deprecated") ?? false))]);

    public static XsoarPlaybookState PlaybookState(JsonElement body) => new()
    {
        PlaybookId = XsoarJson.String(body, "playbookId"),
        Name = XsoarJson.String(body, "name"),
        State = XsoarJson.String(body, "state"),
        StartDate = XsoarJson.Date(body, "startDate"),
        // `tasks` is a map keyed by task id (Swagger: additionalProperties of InvestigationPlaybookTask).
        Tasks = XsoarJson.Property(body, "tasks") is { ValueKind: JsonValueKind.Object } tasks
            ? [.. tasks.EnumerateObject().Select(p => Task(p.Name, p.Value))]
            : [],
    };

    private static XsoarPlaybookTask Task(string key, JsonElement item)
    {
        var task = XsoarJson.Property(item, "task");
        return new XsoarPlaybookTask
        {
            Id = XsoarJson.String(item, "id") ?? key,
            Name = task is { } t ? XsoarJson.String(t, "name") : null,
            State = XsoarJson.String(item, "state"),
            Type = XsoarJson.String(item, "type"),
            ScriptId = task is { } s ? XsoarJson.String(s, "scriptId") is { Length: > 0 } script ? script : null : null,
            Brand = task is { } b ? XsoarJson.String(b, "brand") : null,
            CompletedBy = XsoarJson.String(item, "completedBy"),
            CompletedDate = XsoarJson.Date(item, "completedDate"),
            StartDate = XsoarJson.Date(item, "startDate"),
            Input = XsoarJson.String(item, "input"),
            ScriptArguments = XsoarJson.Property(item, "scriptArguments") is { ValueKind: JsonValueKind.Object } arguments
                ? arguments.EnumerateObject()
                    .Select(a => (a.Name, Value: a.Value.ValueKind == JsonValueKind.Object ? XsoarJson.String(a.Value, "simple") : XsoarJson.TextOf(a.Value)))
                    .Where(a => a.Value is not null)
                    .ToDictionary(a => a.Name, a => a.Value!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            SubPlaybook = XsoarJson.Property(item, "subPlaybook") is { ValueKind: JsonValueKind.Object } sub ? PlaybookState(sub) : null,
        };
    }

    /// <summary><c>/settings/integration/search</c>: <c>configurations[]</c> (name, display,
    /// <c>integrationScript.commands[] {name, arguments[] {name}}</c>) and <c>instances[]</c> (name, brand, enabled as
    /// <c>"true"</c>/<c>"false"</c>). Shape read from demisto/content scripts that call it through the Core REST API
    /// integration; not in the Swagger.</summary>
    public static XsoarIntegrationCatalog IntegrationCatalog(JsonElement body)
    {
        var integrations = XsoarJson.Items(body, "configurations")
            .Select(c => (Name: XsoarJson.String(c, "name"), Config: c))
            .Where(c => c.Name is not null)
            .Select(c => new XsoarIntegration(c.Name!, XsoarJson.String(c.Config, "display"), Commands(c.Config)))
            .ToList();
        var instances = XsoarJson.Items(body, "instances")
            .Select(i => (Name: XsoarJson.String(i, "name"), Brand: XsoarJson.String(i, "brand"), Enabled: XsoarJson.Bool(i, "enabled")))
            .Where(i => i.Name is not null && i.Brand is not null)
            .Select(i => new XsoarIntegrationInstance(i.Name!, i.Brand!, i.Enabled ?? false))
            .ToList();
        return new XsoarIntegrationCatalog(integrations, instances);
    }

    private static List<XsoarIntegrationCommand> Commands(JsonElement configuration) =>
        XsoarJson.Property(configuration, "integrationScript") is { } script
            ? [.. XsoarJson.Items(script, "commands")
                .Select(c => (Name: XsoarJson.String(c, "name"), Command: c))
                .Where(c => c.Name is not null)
                .Select(c => new XsoarIntegrationCommand(c.Name!, [.. XsoarJson.Items(c.Command, "arguments").Select(a => XsoarJson.String(a, "name")).OfType<string>()]))]
            : [];

    /// <summary>A user: <c>id</c> (the username), <c>name</c>, <c>email</c>, and <c>roles</c> as
    /// <c>{"demisto": ["Analyst"]}</c> (UNVERIFIED: read from answers quoted in content scripts; a plain list is accepted too).</summary>
    public static XsoarUser User(JsonElement item)
    {
        var roles = XsoarJson.Property(item, "roles") switch
        {
            { ValueKind: JsonValueKind.Object } byScope => byScope.EnumerateObject()
                .SelectMany(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(XsoarJson.TextOf) : [])
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().Select(XsoarJson.TextOf).OfType<string>()],
            _ => [],
        };
        return new XsoarUser(XsoarJson.RequiredString(item, "id"), XsoarJson.String(item, "name"), XsoarJson.String(item, "email"), roles);
    }

    public static XsoarRole Role(JsonElement item) =>
        new(XsoarJson.String(item, "id") ?? XsoarJson.RequiredString(item, "name"), XsoarJson.RequiredString(item, "name"));
}
