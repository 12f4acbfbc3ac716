using System.Text.Json;
using System.Text.Json.Nodes;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>The document normalized for an incident: the incident as XSOAR returned it (name, severity, labels,
/// CustomFields, rawJSON… as mappings/xsoar_incident.yaml reads them) plus its linked indicators under
/// <c>indicators</c> (<c>[{type, value}]</c>), and for a followed incident the entries people added since, under
/// <c>warRoomEntries</c> (<c>[{id, user, contents}]</c>). Indicators are what XSOAR extracted from the incident's text, so no mapping
/// declares them as entity fields.</summary>
internal static class XsoarIncidentPayload
{
    public static string Build(XsoarIncident incident, IReadOnlyList<XsoarIndicator> indicators, IReadOnlyList<XsoarEntry>? entries = null)
    {
        var document = JsonNode.Parse(incident.Raw.GetRawText()) as JsonObject ?? throw new JsonException("incident is not an object");
        document["indicators"] = new JsonArray([.. indicators.Select(i => (JsonNode)new JsonObject { ["type"] = i.Type, ["value"] = i.Value })]);
        // New entries people wrote on a followed incident: free text for the mapping (warRoomEntries[*].contents).
        if (entries is { Count: > 0 })
        {
            // Its own alert id (the mapping reads alert_id from id): one more alert of the investigation, not the incident again.
            document["id"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{incident.Id}#entries:{XsoarEntryNumber.Of(entries[^1].Id)}");
            document["warRoomEntries"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject { ["id"] = e.Id, ["user"] = e.User, ["contents"] = e.Contents })]);
        }
        return document.ToJsonString();
    }
}
