using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Triage;

/// <summary>Score → severity, signals → confidence, severity + confidence → path; every threshold from the policy.</summary>
internal static class TriageRouting
{
    /// <summary>The highest severity whose minimum score the score reaches; informational below all of them.</summary>
    public static Severity SeverityOf(double score, TriagePolicy policy) => policy.SeverityScores
        .Where(p => score >= p.Value).Select(p => p.Key).DefaultIfEmpty(Severity.Informational).Max();

    /// <summary>
    /// Confidence grows with coverage (how many signals found context at all) and agreement (how close the
    /// backed signals' scores are): a verdict resting on one lookup, or on signals that contradict, is less sure.
    /// </summary>
    public static double Confidence(IReadOnlyList<SignalScore> signals)
    {
        var backed = signals.Where(s => s.HasData).Select(s => s.Score).ToList();
        var coverage = (double)backed.Count / signals.Count;
        var agreement = 0.0;
        if (backed.Count > 0)
        {
            var mean = backed.Average();
            agreement = Math.Clamp(1 - 2 * backed.Average(s => Math.Abs(s - mean)), 0, 1);
        }
        return Math.Round(Math.Clamp(0.35 + 0.45 * coverage + 0.2 * agreement, 0, 1), 3);
    }

    /// <summary>The policy's path for the severity, made more cautious when confidence is below the policy's floors.</summary>
    public static (InvestigationPath Path, string Rationale) Path(Severity severity, double confidence, GovernancePolicy policy)
    {
        var path = policy.Escalation.For(severity).Path;
        var why = $"Policy routes {severity.ToWire()} alerts to {Name(path)}";
        var triage = policy.Triage;
        if (confidence < triage.ManualBelowConfidence)
        {
            why += string.Create(CultureInfo.InvariantCulture, $"; confidence {confidence:0.00} is below {triage.ManualBelowConfidence:0.00}, so an analyst takes it (manual)");
            return (InvestigationPath.Manual, why);
        }
        if (path == InvestigationPath.Autonomous && confidence < triage.AutonomousMinConfidence)
        {
            why += string.Create(CultureInfo.InvariantCulture, $"; confidence {confidence:0.00} is below {triage.AutonomousMinConfidence:0.00} for autonomy, so assisted");
            return (InvestigationPath.Assisted, why);
        }
        return (path, why);
    }

    private static string Name(InvestigationPath path) => path.ToString().ToLowerInvariant();
}
