namespace AgenticIR.Core.Alerts;

/// <summary>Incident severity, ordered from least to most severe so comparisons read naturally.</summary>
public enum Severity
{
    /// <summary>Nothing to act on.</summary>
    Informational = 0,
    /// <summary>Low.</summary>
    Low = 1,
    /// <summary>Medium.</summary>
    Medium = 2,
    /// <summary>High.</summary>
    High = 3,
    /// <summary>Critical.</summary>
    Critical = 4,
}
