using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads our <c>triage</c> section (weights, severity cut-offs, confidence floors) and <c>investigation</c>.</summary>
internal static class TriageSectionReader
{
    public static readonly string[] Signals = ["asset_criticality", "threat_intel_match", "behavioral_anomaly", "alert_fidelity", "temporal_proximity"];

    private const double SumTolerance = 0.001;

    private static readonly Severity[] ScoredSeverities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static TriagePolicy? ReadTriage(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "triage") is not { } section) return null;
        r.AllowOnly(section, "weights", "severity_scores", "autonomous_min_confidence", "manual_below_confidence", "dedup_window_minutes", "source_severity_floor");
        var weights = r.RequireMap(section, "weights") is { } w ? ReadWeights(r, w) : null;
        var scores = r.RequireMap(section, "severity_scores") is { } s ? ReadScores(r, s) : null;

        var defaults = new TriagePolicy { Weights = new Dictionary<string, double>(), SeverityScores = new Dictionary<Severity, double>() };
        var autonomous = r.OptionalNumber(section, "autonomous_min_confidence", NumberRange.UnitInterval) ?? defaults.AutonomousMinConfidence;
        var manual = r.OptionalNumber(section, "manual_below_confidence", NumberRange.UnitInterval) ?? defaults.ManualBelowConfidence;
        var dedup = r.OptionalInt(section, "dedup_window_minutes", 0, 10_080) ?? defaults.DedupWindowMinutes;
        var floor = r.OptionalMap(section, "source_severity_floor") is { } f ? ReadFloor(r, f) : TriagePolicy.IdentityFloor;
        if (manual > autonomous)
        {
            r.Error(section.Get("manual_below_confidence") ?? section.Node, section.FieldOf("manual_below_confidence"),
                string.Create(CultureInfo.InvariantCulture, $"must not exceed autonomous_min_confidence ({autonomous}), got {manual}"));
        }

        return weights is null || scores is null
            ? null
            : defaults with { Weights = weights, SeverityScores = scores, AutonomousMinConfidence = autonomous, ManualBelowConfidence = manual, DedupWindowMinutes = dedup, SourceSeverityFloor = floor };
    }

    public static InvestigationPolicy ReadInvestigation(NodeReader r, YamlMap root)
    {
        var policy = new InvestigationPolicy();
        if (r.OptionalMap(root, "investigation") is not { } section) return policy;
        r.AllowOnly(section, "confidence_threshold");
        return r.OptionalNumber(section, "confidence_threshold", NumberRange.PositiveFraction) is { } threshold
            ? policy with { ConfidenceThreshold = threshold }
            : policy;
    }

    private static Dictionary<string, double>? ReadWeights(NodeReader r, YamlMap map)
    {
        r.AllowOnly(map, Signals);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var signal in Signals)
        {
            if (r.RequireNumber(map, signal, NumberRange.UnitInterval) is { } weight) weights[signal] = weight;
        }
        if (weights.Count != Signals.Length) return null;

        var sum = weights.Values.Sum();
        if (Math.Abs(sum - 1.0) > SumTolerance)
        {
            r.Error(map.Node, map.Path, string.Create(CultureInfo.InvariantCulture,
                $"weights must sum to 1.0 (±{SumTolerance}), got {Math.Round(sum, 6)}"));
            return null;
        }
        return weights;
    }

    private static Dictionary<Severity, double>? ReadScores(NodeReader r, YamlMap map)
    {
        r.AllowOnly(map, [.. ScoredSeverities.Select(s => s.ToWire())]);
        var scores = new Dictionary<Severity, double>();
        foreach (var severity in ScoredSeverities)
        {
            if (r.RequireNumber(map, severity.ToWire(), NumberRange.OpenUnitInterval) is { } score) scores[severity] = score;
        }
        if (scores.Count != ScoredSeverities.Length) return null;

        // Triage picks the highest severity whose cut-off the score reaches, so the cut-offs must not overlap.
        var ok = true;
        for (var i = 1; i < ScoredSeverities.Length; i++)
        {
            var (upper, lower) = (ScoredSeverities[i - 1], ScoredSeverities[i]);
            if (scores[lower] < scores[upper]) continue;
            r.Error(map.Get(lower.ToWire()), map.FieldOf(lower.ToWire()), string.Create(CultureInfo.InvariantCulture,
                $"must be below {upper.ToWire()} ({scores[upper]}), got {scores[lower]}; scores decrease strictly from critical to low"));
            ok = false;
        }
        return ok ? scores : null;
    }

    // source severity → the lowest triage may go; a floor above its source would raise alerts the source itself ranks lower.
    private static Dictionary<Severity, Severity> ReadFloor(NodeReader r, YamlMap map)
    {
        var all = Enum.GetValues<Severity>();
        r.AllowOnly(map, [.. all.Select(s => s.ToWire())]);
        var floor = new Dictionary<Severity, Severity>(TriagePolicy.IdentityFloor);
        foreach (var source in all)
        {
            if (r.OptionalString(map, source.ToWire()) is not { } text) continue;
            var node = map.Get(source.ToWire());
            if (!SeverityNames.TryParse(text, out var lowest))
                r.Error(node, map.FieldOf(source.ToWire()), $"'{text}' is not a severity (informational, low, medium, high, critical)");
            else if (lowest > source)
                r.Error(node, map.FieldOf(source.ToWire()), $"the floor for {source.ToWire()} may not be above it, got {lowest.ToWire()}");
            else
                floor[source] = lowest;
        }
        return floor;
    }
}
