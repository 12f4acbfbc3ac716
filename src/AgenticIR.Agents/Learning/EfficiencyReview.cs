using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Learning;

/// <summary>Scores how well the investigation used its budget: whether it reached the confidence threshold, how much of
/// the step budget it spent, and how many findings each step yielded.</summary>
internal static class EfficiencyReview
{
    private const double ReachedWeight = 0.5;
    private const double BudgetWeight = 0.3;
    private const double YieldWeight = 0.2;
    private const int StepIncrease = 5;
    private const double NearThreshold = 0.75;

    public static double Assess(InvestigationRecord investigation, GovernancePolicy policy, LearningNotes notes)
    {
        if (investigation.Report is not { } report)
        {
            notes.Insight("investigation_efficiency", "No investigation report: the incident was not investigated.",
                $"Stage {investigation.Stage}.", "Check why the investigation stage did not complete.", "medium");
            return 0;
        }

        var threshold = policy.Investigation.ConfidenceThreshold;
        var budget = Math.Max(1, policy.CircuitBreakers.PerInvestigation.MaxSteps);
        var steps = report.Steps.Count;
        var reached = report.StopReason == StopReason.ConfidenceReached || report.Confidence >= threshold;
        var findingsPerStep = steps == 0 ? 0 : (double)report.Findings.Count / steps;
        var score = ReachedWeight * (reached ? 1 : Math.Min(1, report.Confidence / threshold))
            + BudgetWeight * (1 - Math.Min(steps, budget) / (double)budget)
            + YieldWeight * Math.Min(1, findingsPerStep);

        var idle = report.Steps.Where(s => s.FindingIds.Count == 0).Select(s => s.Tool).ToList();
        if (steps > 0 && idle.Count * 2 > steps)
            notes.Insight("investigation_efficiency", $"{idle.Count} of {steps} steps produced no finding.",
                $"Tools without findings: {string.Join(", ", idle.Distinct(StringComparer.Ordinal))}.",
                "Review the pivot priorities so low-yield tools run later.", "low");

        if (!reached && report.StopReason is StopReason.StepBudget or StopReason.TimeBudget or StopReason.ApiBudget)
        {
            notes.Insight("investigation_budget",
                $"The investigation stopped on its {report.StopReason} at confidence {LearningNotes.Format(report.Confidence)} (threshold {LearningNotes.Format(threshold)}).",
                $"{steps} steps of {budget}.", "Consider a larger budget for this kind of alert, or better pivots.", "medium");
            if (report.StopReason == StopReason.StepBudget && report.Confidence >= NearThreshold * threshold)
                notes.Propose("circuit_breakers.per_investigation.max_steps", budget, budget + StepIncrease,
                    $"Investigation {investigation.Id} ran out of steps at confidence {LearningNotes.Format(report.Confidence)}, close to the {LearningNotes.Format(threshold)} threshold.");
        }
        return Math.Round(Math.Clamp(score, 0, 1), 3);
    }
}
