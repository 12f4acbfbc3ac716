using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar.State;

internal sealed partial class XsoarStore
{
    private readonly Dictionary<string, JsonObject> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<XsoarSeedIndicator>> _indicators = new(StringComparer.Ordinal);
    private long _nextIncident = 1000;

    public string AddIncident(XsoarSeedIncident seed)
    {
        lock (_gate)
        {
            var id = (++_nextIncident).ToString(CultureInfo.InvariantCulture);
            var now = Now();
            var incident = new JsonObject
            {
                ["id"] = id,
                ["investigationId"] = id,
                ["name"] = seed.Name,
                ["type"] = seed.Type,
                ["severity"] = seed.Severity,
                ["status"] = 1,
                ["created"] = now,
                ["modified"] = now,
                ["occurred"] = seed.Occurred is { } occurred ? Stamp(occurred) : now,
                ["details"] = seed.Details ?? "",
                ["playbookId"] = seed.PlaybookId ?? "",
                ["owner"] = seed.Owner ?? "",
                ["closeReason"] = "",
                ["closeNotes"] = "",
                ["version"] = 1L,
                ["labels"] = new JsonArray([.. seed.Labels.Select(l => (JsonNode)new JsonObject { ["type"] = l.Key, ["value"] = l.Value })]),
                ["CustomFields"] = seed.CustomFields?.DeepClone() ?? new JsonObject(),
            };
            _incidents[id] = incident;
            _indicators[id] = [.. seed.Indicators];
            _entries[id] = [];
            if (seed.PlaybookId is { } playbook) SetPlaybookLocked(id, playbook, seed.PlaybookTasks);
            return id;
        }
    }

    public IReadOnlyList<JsonObject> IncidentsNamed(string name)
    {
        lock (_gate)
        {
            return [.. _incidents.Values.Where(i => i["name"]?.GetValue<string>() == name)
                .OrderBy(i => long.Parse(i["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)).Select(i => (JsonObject)Copy(i))];
        }
    }

    public bool HasIncident(string id)
    {
        lock (_gate) return _incidents.ContainsKey(id);
    }

    public JsonObject? Incident(string id)
    {
        lock (_gate) return _incidents.TryGetValue(id, out var incident) ? (JsonObject)Copy(incident) : null;
    }

    /// <summary>The built-in <c>setIncident</c> command: each argument names a field by its machine name (XSOAR admin guide,
    /// field trigger scripts: <c>executeCommand("setIncident", {cliName: value})</c>); the system fields below are set on the
    /// incident itself, any other name as a custom field. Only the fields named change.</summary>
    public const string SetIncidentCommand = "setIncident";

    private static readonly HashSet<string> SystemFields = new(StringComparer.Ordinal) { "severity", "owner", "status", "name", "type", "details", "closeReason", "closeNotes" };

    private string? SetIncidentLocked(string id, IReadOnlyDictionary<string, string> arguments)
    {
        if (!_incidents.TryGetValue(id, out var incident)) return "Error in setIncident: incident not found";
        var custom = incident["CustomFields"] as JsonObject ?? [];
        incident["CustomFields"] = custom;
        foreach (var (name, value) in arguments)
        {
            if (SystemFields.Contains(name)) incident[name] = value;
            else custom[name] = value;
        }
        incident["version"] = LongOf(incident["version"]) + 1;
        TouchLocked(id);
        return null;
    }

    /// <summary>Closes an incident as an analyst would (status 2, close reason and notes, the closing user and, when
    /// given, the final severity); bumps modified.</summary>
    public void Close(string id, string reason, string notes, string? closedBy = null, double? severity = null)
    {
        lock (_gate)
        {
            var incident = _incidents[id];
            incident["status"] = 2;
            incident["closeReason"] = reason;
            incident["closeNotes"] = notes;
            incident["closed"] = Now();
            if (closedBy is not null) incident["closingUserId"] = closedBy;
            if (severity is not null) incident["severity"] = severity;
            TouchLocked(id);
        }
    }

    private void TouchLocked(string id)
    {
        if (!_incidents.TryGetValue(id, out var incident)) return;
        incident["modified"] = Now();
        incident["version"] = LongOf(incident["version"]) + 1;
    }

    /// <summary><c>/incidents/search</c>: filter on <c>id[]</c>, <c>type[]</c> and a query of <c>modified:&gt;="…"</c> and
    /// <c>created:&gt;="…"</c> clauses; sort on <c>modified</c> or <c>created</c>; page and size.</summary>
    public (long Total, JsonArray Page) Search(JsonObject filter)
    {
        var ids = Strings(filter["id"]);
        var types = Strings(filter["type"]);
        var from = TimeFrom(filter["query"]?.GetValue<string>(), "modified");
        var createdFrom = TimeFrom(filter["query"]?.GetValue<string>(), "created");
        var name = NameOf(filter["query"]?.GetValue<string>());
        var asc = filter["sort"] is JsonArray { Count: > 0 } sort && sort[0]?["asc"]?.GetValue<bool>() != false;
        Func<JsonObject, DateTimeOffset> key = filter["sort"] is JsonArray { Count: > 0 } by && by[0]?["field"]?.GetValue<string>() == "created" ? Created : Modified;
        var page = filter["page"]?.GetValue<int>() ?? 0;
        var size = filter["size"]?.GetValue<int>() ?? 25;
        lock (_gate)
        {
            var filtered = _incidents.Values
                .Where(i => ids.Count == 0 || ids.Contains(i["id"]!.GetValue<string>()))
                .Where(i => types.Count == 0 || types.Contains(i["type"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase))
                .Where(i => from is null || Modified(i) >= from)
                .Where(i => createdFrom is null || Created(i) >= createdFrom)
                .Where(i => name is null || string.Equals(i["name"]?.GetValue<string>(), name, StringComparison.Ordinal));
            var matches = (asc ? filtered.OrderBy(key) : filtered.OrderByDescending(key))
                .ThenBy(i => long.Parse(i["id"]!.GetValue<string>(), CultureInfo.InvariantCulture))
                .ToList();
            return (matches.Count, new JsonArray([.. matches.Skip(page * size).Take(size).Select(Copy)]));
        }
    }

    /// <summary>Indicators linked to an incident: <c>/indicators/search</c> with <c>investigationIDs:&lt;id&gt;</c>.</summary>
    public JsonArray Indicators(string incidentId)
    {
        lock (_gate)
        {
            return _indicators.TryGetValue(incidentId, out var list)
                ? new JsonArray([.. list.Select((ioc, n) => (JsonNode)new JsonObject
                {
                    ["id"] = $"{incidentId}-{n + 1}",
                    ["value"] = ioc.Value,
                    ["indicator_type"] = ioc.Type,
                    ["investigationIDs"] = new JsonArray(incidentId),
                    ["score"] = 0,
                })])
                : [];
        }
    }

    private static long LongOf(JsonNode? node) => node is null ? 0 : long.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static DateTimeOffset Modified(JsonObject incident) =>
        DateTimeOffset.Parse(incident["modified"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.ToString()).OfType<string>()] : [];

    private static DateTimeOffset Created(JsonObject incident) =>
        DateTimeOffset.Parse(incident["created"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>The exact name of a <c>name:"…"</c> query term (quotes and backslashes escaped), or null.</summary>
    private static string? NameOf(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var match = Regex.Match(query, "(?:^|\\s)name:\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        return match.Success ? Regex.Unescape(match.Groups[1].Value) : null;
    }

    private static DateTimeOffset? TimeFrom(string? query, string field)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var match = Regex.Match(query, field + ":>=\"([^\"]+)\"", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        return match.Success && DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
