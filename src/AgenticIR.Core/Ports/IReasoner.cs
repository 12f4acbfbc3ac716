using AgenticIR.Core.Investigation;
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

    /// <summary>Chooses the next step from the candidates, or null to conclude.</summary>
    Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken);

    /// <summary>Writes the executive summary of an incident.</summary>
    Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken);
}
