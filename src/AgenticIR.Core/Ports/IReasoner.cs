using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reasoning;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Core.Ports;

/// <summary>The judgement seam. The deterministic reasoner implements it; an LLM reasoner may too, and its proposals are validated before use.</summary>
public interface IReasoner
{
    /// <summary>Name for reports, e.g. <c>deterministic</c>.</summary>
    string Name { get; }

    /// <summary>Explains a triage decision in words.</summary>
    Task<string> ExplainTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken);

    /// <summary>Explains a triage decision and may propose a severity; triage applies a proposal only within the policy's
    /// bounds (<see cref="Policy.ModelPolicy"/>). By default the explanation alone, with no proposal.</summary>
    async Task<TriageJudgement> JudgeTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken) =>
        new(await ExplainTriageAsync(investigation, draft, cancellationToken).ConfigureAwait(false));

    /// <summary>What a model cost this investigation so far, or null for a reasoner that calls none.</summary>
    ModelUsage? UsageOf(string investigationId) => null;

    /// <summary>The hypotheses and narrative a model wrote for this investigation's report, or null (the default: the
    /// deterministic reasoner writes none). Shown as the model's proposal; no decision reads it.</summary>
    ModelWriting? WritingOf(string investigationId) => null;

    /// <summary>Chooses the next step from the candidates, or null to conclude.</summary>
    Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken);

    /// <summary>Writes the executive summary of an incident.</summary>
    Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken);
}
