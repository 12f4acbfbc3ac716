using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Policy;

/// <summary>Triage weights and thresholds (the calibration the learning agent proposes changes to).</summary>
public sealed record TriagePolicy
{
    /// <summary>Signal weights: asset_criticality, threat_intel_match, behavioral_anomaly, alert_fidelity, temporal_proximity; they sum to 1.</summary>
    public required IReadOnlyDictionary<string, double> Weights { get; init; }

    /// <summary>Minimum weighted score for each severity above informational.</summary>
    public required IReadOnlyDictionary<Severity, double> SeverityScores { get; init; }

    /// <summary>Below this confidence an autonomous path becomes assisted.</summary>
    public double AutonomousMinConfidence { get; init; } = 0.6;

    /// <summary>Below this confidence the path becomes manual.</summary>
    public double ManualBelowConfidence { get; init; } = 0.3;

    /// <summary>For each severity the source itself gives, the lowest severity triage may assign without positive benign
    /// evidence. Context the inventory lacks is unknown, not benign, so by default triage never goes below the source.</summary>
    public IReadOnlyDictionary<Severity, Severity> SourceSeverityFloor { get; init; } = IdentityFloor;

    /// <summary>Every source severity is its own floor.</summary>
    public static IReadOnlyDictionary<Severity, Severity> IdentityFloor { get; } =
        Enum.GetValues<Severity>().ToDictionary(s => s, s => s);

    /// <summary>How long an investigation stays open to duplicates.</summary>
    public int DedupWindowMinutes { get; init; } = 240;
}
