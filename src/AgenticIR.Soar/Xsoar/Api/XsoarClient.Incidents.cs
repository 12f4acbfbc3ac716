using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.Xsoar.Api;

internal sealed partial class XsoarClient
{
    public Task<XsoarIncidentPage> SearchIncidentsAsync(XsoarIncidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendAsync(XsoarCall.Post("incidents/search", SoarCallKind.Read, SearchBody(query, pageSize).ToJsonString(Json)),
            r => XsoarParsers.IncidentPage(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    public async Task<XsoarIncident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        var page = await SearchIncidentsAsync(new XsoarIncidentQuery { Ids = [incidentId], Size = 1 }, cancellationToken);
        return page.Incidents.FirstOrDefault(i => i.Id == incidentId);
    }

    public Task<IReadOnlyList<XsoarIndicator>> GetIndicatorsAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        var body = new JsonObject { ["query"] = "investigationIDs:" + XsoarCommandLine.Quote(incidentId), ["page"] = 0, ["size"] = 1000 };
        return SendAsync(XsoarCall.Post("indicators/search", SoarCallKind.Read, body.ToJsonString(Json)),
            r => (IReadOnlyList<XsoarIndicator>)[.. XsoarJson.Items(XsoarJson.ParseObject(r.Content), "iocObjects")
                .Select(i => (Type: XsoarJson.String(i, "indicator_type"), Value: XsoarJson.String(i, "value")))
                .Where(i => i.Type is not null && i.Value is not null)
                .Select(i => new XsoarIndicator(i.Type!, i.Value!))],
            cancellationToken);
    }

    /// <summary>Creates an incident: <c>POST /incident</c> (Swagger <c>CreateIncidentRequest</c>: name, type, severity,
    /// details, <c>createInvestigation</c> so it has a war room). Not idempotent: callers search by name first.</summary>
    public Task<XsoarIncident> CreateIncidentAsync(string name, string type, int severity, string details, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var body = new JsonObject { ["name"] = name, ["type"] = type, ["severity"] = severity, ["details"] = details, ["createInvestigation"] = true };
        return SendAsync(XsoarCall.Post("incident", SoarCallKind.UnsafeWrite, body.ToJsonString(Json)),
            r => XsoarParsers.Incident(XsoarJson.ParseObject(r.Content)), cancellationToken);
    }

    /// <summary>The search body: <c>{"filter": {page, size, sort: [{field: "modified", asc}], type[], id[], query}}</c>.
    /// Field names are the Swagger's <c>IncidentFilter</c>; the modified-time cursor is the query
    /// <c>modified:&gt;="2024-01-10T00:00:00.000Z"</c>, the form demisto/content's GetIncidentsByQuery builds; the
    /// creation-time bound is <c>created:&gt;="…"</c>, joined with <c>and</c> as integrations that fetch incidents from
    /// another XSOAR by creation time write it.</summary>
    internal static JsonObject SearchBody(XsoarIncidentQuery query, int defaultSize)
    {
        var sortField = query.ModifiedFrom is null && query.CreatedFrom is not null ? "created" : "modified";
        var filter = new JsonObject
        {
            ["page"] = query.Page,
            ["size"] = query.Size ?? defaultSize,
            ["sort"] = new JsonArray(new JsonObject { ["field"] = sortField, ["asc"] = query.OldestFirst }),
        };
        if (query.Types.Count > 0) filter["type"] = new JsonArray([.. query.Types.Select(t => JsonValue.Create(t))]);
        if (query.Ids.Count > 0) filter["id"] = new JsonArray([.. query.Ids.Select(i => JsonValue.Create(i))]);
        var clauses = new List<string>();
        if (query.ModifiedFrom is { } from) clauses.Add("modified:>=\"" + Stamp(from) + "\"");
        if (query.CreatedFrom is { } created) clauses.Add("created:>=\"" + Stamp(created) + "\"");
        if (query.Name is { } name) clauses.Add("name:" + XsoarCommandLine.Quote(name));
        if (clauses.Count > 0) filter["query"] = string.Join(" and ", clauses);
        return new JsonObject { ["filter"] = filter };
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
