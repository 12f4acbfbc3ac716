using System.Text.Json;
using System.Text.Json.Nodes;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>The document normalized for an incident: the incident as XSOAR returned it (name, severity, labels,
/// CustomFields, rawJSON… as mappings/xsoar_incident.yaml reads them) plus its linked indicators under
/// <c>indicators</c> (<c>[{type, value}]</c>). Indicators are what XSOAR extracted from the incident's text, so no mapping
/// declares them as entity fields.</summary>
internal static class XsoarIncidentPayload
{
    public static string Build(XsoarIncident incident, IReadOnlyList<XsoarIndicator> indicators)
    {
        var document = JsonNode.Parse(incident.Raw.GetRawText()) as JsonObject ?? throw new JsonException("incident is not an object");
        document["indicators"] = new JsonArray([.. indicators.Select(i => (JsonNode)new JsonObject { ["type"] = i.Type, ["value"] = i.Value })]);
        return document.ToJsonString();
    }
}
