namespace AgenticIR.Core.Policy;

/// <summary>The operations container (Splunk SOAR) or incident (XSOAR) global events are noted on: one per instance,
/// created on first use and found again by its name (and, on Splunk SOAR, its source data identifier).</summary>
/// <param name="Name">Container or incident name; default <c>AgenticIR operations</c>.</param>
/// <param name="Label">Splunk SOAR label of the container; default <c>agenticir_operations</c> (the label must exist
/// on the SOAR and no playbook entry should match it).</param>
/// <param name="IncidentType">XSOAR incident type; default <c>Unclassified</c>.</param>
public sealed record NotificationOperations(string Name, string Label, string IncidentType)
{
    /// <summary>The defaults.</summary>
    public static NotificationOperations Default { get; } = new("AgenticIR operations", "agenticir_operations", "Unclassified");
}
