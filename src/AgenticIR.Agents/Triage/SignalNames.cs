namespace AgenticIR.Agents.Triage;

/// <summary>The five triage signals, as named in the policy's <c>triage.weights</c>.</summary>
public static class SignalNames
{
    public const string AssetCriticality = "asset_criticality";
    public const string ThreatIntelMatch = "threat_intel_match";
    public const string BehavioralAnomaly = "behavioral_anomaly";
    public const string AlertFidelity = "alert_fidelity";
    public const string TemporalProximity = "temporal_proximity";

    /// <summary>In the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [AssetCriticality, ThreatIntelMatch, BehavioralAnomaly, AlertFidelity, TemporalProximity];
}
