using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Learning;

/// <summary>Compares triage's severity and the plan's containment with the analyst's outcome.</summary>
internal static class TriageReview
{
    private const double ThresholdStep = 0.05;
    private const double WeightStep = 0.03;
    private const string FidelityWeight = "alert_fidelity";

    /// <summary>Accuracy 1 − |Δseverity|/4, or null when the outcome names no severity.</summary>
    public static double? Assess(InvestigationRecord investigation, IncidentOutcome outcome, GovernancePolicy policy, LearningNotes notes)
    {
        ReviewDisposition(investigation, outcome, policy, notes);
        if (investigation.Triage is not { } triage || outcome.ActualSeverity is not { } actual) return null;

        var delta = (int)triage.Severity - (int)actual;
        if (delta != 0)
        {
            var direction = delta > 0 ? "over-rated" : "under-rated";
            notes.Insight("triage_accuracy",
                $"Triage {direction} the incident: {triage.Severity.ToWire()} against the analyst's {actual.ToWire()}.",
                $"Weighted score {LearningNotes.Format(triage.Score)}; rule {Rule(investigation)}.",
                "Review the severity thresholds for this rule's alerts.", Math.Abs(delta) >= 2 ? "high" : "medium");
            ProposeThreshold(triage.Severity, actual, triage.Score, policy, notes, investigation);
        }
        return 1.0 - Math.Abs(delta) / 4.0;
    }

    private static void ProposeThreshold(Severity triaged, Severity actual, double score, GovernancePolicy policy, LearningNotes notes, InvestigationRecord investigation)
    {
        var scores = policy.Triage.SeverityScores;
        if (triaged > actual && scores.TryGetValue(triaged, out var over))
            notes.Propose($"triage.severity_scores.{triaged.ToWire()}", over, Math.Min(1.0, over + ThresholdStep),
                $"Rule {Rule(investigation)} scored {LearningNotes.Format(score)} and was triaged {triaged.ToWire()}, but the analyst rated it {actual.ToWire()}.");
        else if (triaged < actual && scores.TryGetValue(actual, out var under))
            notes.Propose($"triage.severity_scores.{actual.ToWire()}", under, Math.Max(under - ThresholdStep, score),
                $"Rule {Rule(investigation)} scored {LearningNotes.Format(score)} and was triaged {triaged.ToWire()}, but the analyst rated it {actual.ToWire()}.");
    }

    private static void ReviewDisposition(InvestigationRecord investigation, IncidentOutcome outcome, GovernancePolicy policy, LearningNotes notes)
    {
        var disruptive = (investigation.Plan?.Actions ?? [])
            .Where(a => a.Kind is ActionKind.Containment or ActionKind.Eradication or ActionKind.Recovery)
            .Select(a => a.LogicalAction).Distinct(StringComparer.Ordinal).ToList();
        if (outcome.Disposition is Disposition.FalsePositive or Disposition.BenignPositive && disruptive.Count > 0)
        {
            notes.Insight("false_positive_containment",
                $"Containment was planned for an incident the analyst closed as {outcome.Disposition.Value.ToString().ToLowerInvariant()}.",
                $"Rule {Rule(investigation)}; planned {string.Join(", ", disruptive)}.",
                "Lower the trust triage gives this rule, and add its benign pattern to the false-positive context.", "high");
            if (policy.Triage.Weights.TryGetValue(FidelityWeight, out var weight))
                notes.Propose($"triage.weights.{FidelityWeight}", weight, Math.Max(0, weight - WeightStep),
                    $"Rule {Rule(investigation)} produced a false positive that drew {disruptive.Count} containment action(s) ({string.Join(", ", disruptive)}); the other weights are renormalised to sum to 1 when this is accepted.");
        }
        else if (outcome.Disposition == Disposition.TruePositive && disruptive.Count == 0 && outcome.ActualSeverity >= Severity.Medium)
        {
            notes.Insight("missed_containment",
                "The analyst confirmed a true positive but the plan held no containment.",
                $"Rule {Rule(investigation)}; analyst took {string.Join(", ", outcome.ActionsTaken)}.",
                "Check which finding kinds the investigation missed or which rule of the response table did not fire.", "high");
        }
    }

    private static string Rule(InvestigationRecord investigation) =>
        $"'{investigation.PrimaryAlert.RuleName ?? investigation.PrimaryAlert.Title}'";
}
