using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Worker.Tests.FailSafe;

/// <summary>The deterministic reasoner, except that the investigation loop's step choice throws while <see cref="Failing"/>
/// is set: an investigation agent whose model endpoint is down.</summary>
internal sealed class FlakyReasoner : IReasoner
{
    private readonly DeterministicReasoner _inner = new();

    public volatile bool Failing;

    public string Name => _inner.Name;

    public Task<string> ExplainTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken) =>
        _inner.ExplainTriageAsync(investigation, draft, cancellationToken);

    public Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken) =>
        Failing ? throw new HttpRequestException("reasoner endpoint unavailable (injected)") : _inner.ChooseNextStepAsync(context, candidates, cancellationToken);

    public Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken) =>
        _inner.SummarizeAsync(investigation, cancellationToken);
}
