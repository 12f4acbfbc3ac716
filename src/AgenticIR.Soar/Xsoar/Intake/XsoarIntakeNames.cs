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

    public static string AlertSource(string instance, string incidentId) =>
        string.Create(CultureInfo.InvariantCulture, $"xsoar/{instance}/incident/{incidentId}");
}
