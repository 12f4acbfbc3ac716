using AgenticIR.Core.Learning;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Learning;

/// <summary>Compares the logical actions planned with those the analyst or playbook actually took.</summary>
internal static class ResponseReview
{
    /// <summary>Effectiveness as the overlap (Jaccard) of planned and taken actions; 1 when both are empty.</summary>
    public static double Assess(InvestigationRecord investigation, IncidentOutcome outcome, LearningNotes notes)
    {
        var planned = (investigation.Plan?.Actions ?? []).Select(a => a.LogicalAction).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var taken = outcome.ActionsTaken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (planned.Count == 0 && taken.Count == 0) return 1.0;

        var missing = taken.Except(planned, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var unused = planned.Except(taken, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            notes.Insight("response_gap", $"The {outcome.Source} took actions the plan did not propose: {string.Join(", ", missing)}.",
                $"Planned: {Join(planned)}; taken: {Join(taken)}.",
                "Check whether a finding kind should map to these actions in the response rules table.", "medium");
        if (unused.Count > 0)
            notes.Insight("response_surplus", $"The plan proposed actions the {outcome.Source} did not take: {string.Join(", ", unused)}.",
                $"Planned: {Join(planned)}; taken: {Join(taken)}.",
                "Review whether these actions were unnecessary or only not yet run.", "low");

        var overlap = planned.Intersect(taken, StringComparer.OrdinalIgnoreCase).Count();
        return (double)overlap / planned.Union(taken, StringComparer.OrdinalIgnoreCase).Count();
    }

    private static string Join(HashSet<string> set) => set.Count == 0 ? "none" : string.Join(", ", set.Order(StringComparer.Ordinal));
}
