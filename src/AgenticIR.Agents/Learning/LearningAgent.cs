using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Learning;

/// <summary>Post-incident analysis: triage accuracy, investigation efficiency, response effectiveness, detection gaps,
/// and calibration proposals. Proposals name the policy parameter with its current value and only go to the review
/// queue; nothing here changes the policy.</summary>
public sealed class LearningAgent(IPolicyProvider policy)
{
    /// <summary>Analyses one investigation. Without an outcome, accuracy and effectiveness are null; efficiency and
    /// detection gaps are still computed.</summary>
    public FeedbackReport Analyze(InvestigationRecord investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        var current = policy.Current;
        var notes = new LearningNotes();
        var efficiency = EfficiencyReview.Assess(investigation, current, notes);
        double? accuracy = null;
        double? effectiveness = null;
        if (investigation.Outcome is { } outcome)
        {
            accuracy = TriageReview.Assess(investigation, outcome, current, notes);
            effectiveness = Math.Round(ResponseReview.Assess(investigation, outcome, notes), 3);
        }

        return new FeedbackReport
        {
            OutcomeKnown = investigation.Outcome is not null,
            TriageAccuracy = accuracy,
            InvestigationEfficiency = efficiency,
            ResponseEffectiveness = effectiveness,
            Insights = notes.Insights,
            DetectionGaps = DetectionGapFinder.Find(investigation),
            Proposals = notes.Proposals,
        };
    }
}
