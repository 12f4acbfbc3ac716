namespace AgenticIR.Agents.Triage;

/// <summary>
/// Positive evidence of benignness (allow-listed intel, a login from a usual country or known address, a rule that
/// has mostly produced false positives). Asset criticality says how bad a compromise would be, not whether one
/// happened, so with such evidence and no malicious intel or strong anomaly the alert is capped at low.
/// </summary>
internal static class BenignContext
{
    private const double AnomalyCeiling = 0.5;

    /// <summary>Why the alert looks benign, or null when it does not (or when intel or a strong anomaly points the other way).</summary>
    public static string? Evidence(IReadOnlyDictionary<string, SignalScore> signals)
    {
        if (signals[SignalNames.ThreatIntelMatch].Score > 0 || signals[SignalNames.BehavioralAnomaly].Score >= AnomalyCeiling) return null;
        var reasons = signals.Values.Select(s => s.Benign).OfType<string>().ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
