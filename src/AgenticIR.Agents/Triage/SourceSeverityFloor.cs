using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Triage;

/// <summary>
/// Makes the source's own severity an explicit part of triage. Context scoring can only add what the inventory knows,
/// and an asset or identity it lacks is unknown, not benign: so without positive benign evidence triage never goes below
/// the policy's floor for the source's level, and whenever the two differ the result says why.
/// </summary>
internal static class SourceSeverityFloor
{
    private const double LowVendorConfidence = 0.5;

    /// <summary>The lowest severity the alert may get without benign evidence, or null when the source gave none.</summary>
    public static Severity? Of(NormalizedAlert alert, TriagePolicy policy)
    {
        if (alert.SourceSeverity is not { } source) return null;
        var floor = policy.SourceSeverityFloor.GetValueOrDefault(source, source);
        // A vendor that says it is unsure of its own detection earns one step less trust.
        return VendorConfidence.Of(alert) is < LowVendorConfidence && floor > Severity.Informational ? floor - 1 : floor;
    }

    /// <summary>Applies the floor to the contextual severity; returns the severity and the note explaining any difference.</summary>
    public static (Severity Severity, string? Note) Apply(NormalizedAlert alert, Severity contextual, string? benignEvidence, TriagePolicy policy)
    {
        if (alert.SourceSeverity is not { } source) return (contextual, null);
        var by = $"source severity {source.ToWire()} ({alert.Product ?? alert.SourceFormat})";
        if (contextual == source) return (contextual, null);
        if (contextual > source) return (contextual, $"{by}; raised to {contextual.ToWire()} by context");
        if (benignEvidence is not null) return (contextual, $"{by}; lowered to {contextual.ToWire()} on benign evidence: {benignEvidence}");
        var floor = Of(alert, policy)!.Value;
        if (contextual >= floor)
            return (contextual, $"{by}; context scored {contextual.ToWire()}, within the policy floor ({floor.ToWire()}) for {source.ToWire()}" + ConfidenceNote(alert));
        return (floor, $"{by}; context alone scored {contextual.ToWire()}, kept at the policy floor {floor.ToWire()}: no positive benign evidence "
            + "(assets or accounts missing from the inventory are unknown, not benign)" + ConfidenceNote(alert));
    }

    private static string ConfidenceNote(NormalizedAlert alert) => VendorConfidence.Of(alert) is { } c and < LowVendorConfidence
        ? string.Create(CultureInfo.InvariantCulture, $"; vendor confidence {c:0.00} lowers the floor one step")
        : "";
}
