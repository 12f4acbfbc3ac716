using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Reasoning;

/// <summary>The default judgement: explainable rules, no external calls, same input → same output.</summary>
public sealed class DeterministicReasoner : IReasoner
{
    /// <inheritdoc />
    public string Name => "deterministic";

    /// <inheritdoc />
    public Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        StepChoice? best = null;
        foreach (var c in candidates)
        {
            if (best is null || c.Priority > best.Priority) best = c;
        }
        return Task.FromResult(best is null || best.Priority < PivotRules.Floor ? null : best);
    }

    /// <inheritdoc />
    public Task<string> ExplainTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(draft);
        return Task.FromResult(TriageExplanation.Write(investigation.PrimaryAlert, draft));
    }

    /// <inheritdoc />
    public Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return Task.FromResult(ExecutiveSummary.Write(investigation));
    }
}
