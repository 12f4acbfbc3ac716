namespace AgenticIR.Core.Alerts;

/// <summary>Parses the many ways sources spell severity.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case wire name.</summary>
    public static string ToWire(this Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Parses a name such as <c>High</c>, <c>crit</c>, <c>info</c>, <c>urgent</c>; false when unknown.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = Severity.Informational;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "critical" or "crit" or "urgent" or "very high" or "severe": severity = Severity.Critical; return true;
            case "high" or "major": severity = Severity.High; return true;
            case "medium" or "moderate" or "med" or "warning": severity = Severity.Medium; return true;
            case "low" or "minor": severity = Severity.Low; return true;
            case "informational" or "info" or "information" or "none" or "unknown" or "unspecified": return true;
            default: return false;
        }
    }
}
