using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Policy;

/// <summary>Per-severity escalation thresholds.</summary>
public sealed record EscalationPolicy(IReadOnlyDictionary<Severity, SeverityThreshold> Thresholds)
{
    /// <summary>The threshold for a severity (every severity is required by validation).</summary>
    public SeverityThreshold For(Severity severity) => Thresholds[severity];
}
