using System.Text.Json;
using static AgenticIR.Soar.SplunkSoar.Api.SoarJson;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Turns SOAR records into the contract's models. Field names follow the REST docs and public connector code;
/// the ones marked UNVERIFIED were inferred and must be confirmed against a live instance.</summary>
internal static class SoarParsers
{
    /// <summary>Container. UNVERIFIED: the update timestamp's name (<c>update_time</c> as filtered on by third parties;
    /// <c>container_update_time</c> is read as a fallback).</summary>
    public static SoarContainer Container(JsonElement c) => new(
        RequiredLong(c, "id"), String(c, "name") ?? "", String(c, "label") ?? "", String(c, "severity"), String(c, "status"),
        String(c, "source_data_identifier"), Date(c, "create_time"), Date(c, "update_time") ?? Date(c, "container_update_time"),
        Date(c, "close_time"), CustomFields(c), c.Clone());

    /// <summary>Artifact. The container id is <c>container</c> on reads (<c>container_id</c> accepted too).</summary>
    public static SoarArtifact Artifact(JsonElement a) => new(
        RequiredLong(a, "id"), Long(a, "container") ?? Long(a, "container_id") ?? 0, String(a, "name"), String(a, "label"),
        String(a, "severity"), String(a, "source_data_identifier"), Date(a, "create_time"), a.Clone());

    public static SoarNote Note(JsonElement n) => new(
        RequiredLong(n, "id"), Long(n, "container") ?? Long(n, "container_id") ?? 0, String(n, "title") ?? "", String(n, "content") ?? "");

    /// <summary>Container comment. UNVERIFIED: no documented schema; <c>comment</c>, <c>container</c>, <c>user</c> and
    /// <c>time</c> follow SOAR's naming for other records.</summary>
    public static SoarComment Comment(JsonElement c) => new(
        RequiredLong(c, "id"), Long(c, "container") ?? Long(c, "container_id") ?? 0, String(c, "comment") ?? "", Long(c, "user"),
        Date(c, "time") ?? Date(c, "create_time"));

    /// <summary>User: <c>roles</c> lists role names (seen in a live <c>GET /rest/ph_user</c> answer published by a third
    /// party) or role ids (the documented create and update calls take either); numbers and numeric strings are read as
    /// ids, objects by their <c>name</c> (else <c>id</c>). <c>is_active</c> is the enabled flag.</summary>
    public static SoarUser User(JsonElement u)
    {
        var names = new List<string>();
        var ids = new List<long>();
        foreach (var role in Property(u, "roles") is { ValueKind: JsonValueKind.Array } roles ? roles.EnumerateArray() : default)
        {
            var item = role.ValueKind == JsonValueKind.Object ? String(role, "name") ?? String(role, "id") : TextOf(role);
            if (item is null) continue;
            if (long.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) ids.Add(id);
            else names.Add(item);
        }
        return new(RequiredLong(u, "id"), String(u, "username") ?? "", names, Bool(u, "is_active") ?? true, ids);
    }

    public static SoarRole Role(JsonElement r) => new(RequiredLong(r, "id"), String(r, "name") ?? "");

    public static SoarApp App(JsonElement a) => new(
        RequiredLong(a, "id"), String(a, "name") ?? "", String(a, "product_vendor"), String(a, "product_name"),
        String(a, "app_version") ?? String(a, "version"));

    /// <summary>App action. <c>parameters</c> is the app JSON's object keyed by parameter name
    /// (<c>{"ip": {"data_type", "required", "contains"}}</c>); a list of <c>{name, …}</c> is accepted too
    /// (both forms appear in third-party clients; UNVERIFIED which one each SOAR version returns).</summary>
    public static SoarAppAction AppAction(JsonElement a) => new(
        RequiredLong(a, "id"), Long(a, "app") ?? 0, String(a, "action") ?? "", String(a, "type"), Parameters(a));

    public static SoarAsset Asset(JsonElement a) => new(
        RequiredLong(a, "id"), String(a, "name") ?? "", String(a, "product_vendor"), String(a, "product_name"),
        Long(a, "primary_voting") is { } votes ? (int)Math.Clamp(votes, 0, int.MaxValue) : null);

    /// <summary>Approval. UNVERIFIED beyond the documented fields: the response items' <c>user</c> and <c>response</c>.</summary>
    public static SoarApproval Approval(JsonElement a) => new(
        RequiredLong(a, "id"), String(a, "status") ?? "", Long(a, "action_run"), Date(a, "due_time"),
        Property(a, "responses") is { ValueKind: JsonValueKind.Array } responses
            ? [.. responses.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)
                .Select(r => new SoarApprovalResponse(Long(r, "user") ?? Long(r, "owner"), String(r, "response") ?? String(r, "status") ?? ""))]
            : []);

    /// <summary>Action run. UNVERIFIED: <c>playbook_run</c> (the launching run's id) and <c>update_time</c>.</summary>
    public static SoarActionRun ActionRun(JsonElement r) => new(
        RequiredLong(r, "id"), Long(r, "container") ?? Long(r, "container_id") ?? 0, String(r, "action") ?? "", String(r, "name") ?? "",
        String(r, "status") ?? "", String(r, "message"), Long(r, "playbook_run"), Date(r, "start_time"), Date(r, "update_time"),
        Targets(r));

    /// <summary>App run; <c>asset</c> may be an id or a name and is kept as text.</summary>
    public static SoarAppRun AppRun(JsonElement r) => new(
        RequiredLong(r, "id"), Long(r, "action_run") ?? 0, String(r, "status") ?? "", String(r, "action") ?? "", String(r, "asset"),
        String(r, "message"), Property(r, "result_data")?.Clone() ?? EmptyArray);

    /// <summary>Playbook run; <c>playbook</c> is usually the numeric id (kept as text), a <c>repo/name</c> where given.</summary>
    // `playbook` is the playbook's numeric id; its "repo/name" (what config/playbooks.yaml matches) comes from the
    // simulator's `playbook_name`, or the `_pretty_playbook` a `pretty` read adds (UNVERIFIED on a live instance).
    public static SoarPlaybookRun PlaybookRun(JsonElement r) => new(
        RequiredLong(r, "id"), Long(r, "container") ?? 0,
        String(r, "playbook_name") ?? String(r, "_pretty_playbook") ?? String(r, "playbook") ?? "", String(r, "status") ?? "", String(r, "message"),
        Date(r, "start_time"), Date(r, "update_time"), Long(r, "playbook"), Date(r, "end_time") ?? Date(r, "update_time"));

    /// <summary>A playbook of the list. UNVERIFIED: the repository field (see <see cref="PlaybookName"/>); a record without
    /// <c>active</c> counts as inactive.</summary>
    public static SoarPlaybook Playbook(JsonElement p) => new(
        RequiredLong(p, "id"), String(p, "name") ?? throw new InvalidDataException("playbook without 'name'"),
        String(p, "_pretty_scm") ?? String(p, "scm_name"), Bool(p, "active") ?? false);

    /// <summary>A playbook record's name as <c>repo/name</c> (the form <c>playbook_run</c> and playbook entries use).
    /// UNVERIFIED: the repository field (<c>_pretty_scm</c>, or <c>scm_name</c> as the simulator writes it).</summary>
    public static string PlaybookName(JsonElement p)
    {
        var name = String(p, "name") ?? throw new InvalidDataException("playbook without 'name'");
        return (String(p, "_pretty_scm") ?? String(p, "scm_name")) is { Length: > 0 } repo ? $"{repo}/{name}" : name;
    }

    public static SoarPage<T> Page<T>(JsonElement envelope, Func<JsonElement, T> item) =>
        new((int)(Long(envelope, "count") ?? 0), (int)(Long(envelope, "num_pages") ?? 0), [.. Data(envelope).Select(item)]);

    private static readonly JsonElement EmptyArray = JsonSerializer.Deserialize<JsonElement>("[]");

    private static Dictionary<string, string?> CustomFields(JsonElement c) =>
        Property(c, "custom_fields") is { ValueKind: JsonValueKind.Object } fields
            ? fields.EnumerateObject().ToDictionary(p => p.Name, p => TextOf(p.Value), StringComparer.Ordinal)
            : [];

    private static List<SoarActionParameter> Parameters(JsonElement action)
    {
        switch (Property(action, "parameters"))
        {
            case { ValueKind: JsonValueKind.Object } byName:
                return [.. byName.EnumerateObject().Select(p => Parameter(p.Name, p.Value))];
            case { ValueKind: JsonValueKind.Array } list:
                return [.. list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object)
                    .Select(p => Parameter(String(p, "name") ?? String(p, "data_item_name") ?? "", p))];
            default:
                return [];
        }
    }

    private static SoarActionParameter Parameter(string name, JsonElement p) => new(
        name, String(p, "data_type"), Bool(p, "required") ?? false,
        Property(p, "contains") is { ValueKind: JsonValueKind.String } one ? [one.GetString()!] : Strings(p, "contains"));

    private static List<ActionRunTarget> Targets(JsonElement run) =>
        Property(run, "targets") is { ValueKind: JsonValueKind.Array } targets
            ? [.. targets.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object).Select(Target)]
            : [];

    private static ActionRunTarget Target(JsonElement t) => new(
        Strings(t, "assets"),
        Property(t, "parameters") is { ValueKind: JsonValueKind.Array } sets
            ? [.. sets.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).Select(ParameterSet)]
            : [],
        Long(t, "app_id") ?? Long(t, "app"));

    private static IReadOnlyDictionary<string, string> ParameterSet(JsonElement set) =>
        set.EnumerateObject().ToDictionary(p => p.Name, p => TextOf(p.Value) ?? "", StringComparer.Ordinal);
}
