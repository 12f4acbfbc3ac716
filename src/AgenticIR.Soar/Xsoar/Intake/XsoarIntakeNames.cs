using System.Globalization;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>Names the XSOAR intake uses for ledger keys, alert sources and the platform.</summary>
internal static class XsoarIntakeNames
{
    public const string Platform = "xsoar";

    /// <summary>The mapping the payload is normalized with (mappings/xsoar_incident.yaml).</summary>
    public const string IncidentFormat = "xsoar_incident";

    /// <summary>Ledger key of an incident: taken once, whatever later modifications bring it back into a search.</summary>
    public static string IncidentInputKey(string instance, string incidentId) =>
        string.Create(CultureInfo.InvariantCulture, $"xsoar:{instance}:incident:{incidentId}");

    /// <summary>Ledger key of the war-room entries people added to a followed incident, up to entry number <paramref name="lastEntry"/>.</summary>
    public static string EntriesInputKey(string instance, string incidentId, long lastEntry) =>
        string.Create(CultureInfo.InvariantCulture, $"xsoar:{instance}:incident:{incidentId}:entries:{lastEntry}");

    /// <summary>Key of an instance's modified-time cursor in the bridge store, beside the Splunk SOAR instances' cursors
    /// (keyed by bare name; instance names never hold a colon, so the two platforms never share a cursor).</summary>
    public static string CursorKey(string instance) =>
        string.Create(CultureInfo.InvariantCulture, $"xsoar:{instance}");

    public static string AlertSource(string instance, string incidentId) =>
        string.Create(CultureInfo.InvariantCulture, $"xsoar/{instance}/incident/{incidentId}");
}
