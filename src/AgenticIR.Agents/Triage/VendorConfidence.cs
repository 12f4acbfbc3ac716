using System.Globalization;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Triage;

/// <summary>The vendor's confidence in its own detection, from the attributes mappings fill, on [0, 1].</summary>
internal static class VendorConfidence
{
    private static readonly string[] Keys = ["confidence", "vendor_confidence", "risk_score"];

    public static double? Of(NormalizedAlert alert)
    {
        foreach (var key in Keys)
        {
            if (alert.Attributes.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0)
                return v > 1 ? Math.Min(v / 100, 1) : v;
        }
        return null;
    }
}
