using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>A reasoner whose summary quotes the alert title, as a real one might.</summary>
internal sealed class StubReasoner : IReasoner
{
    public string Name => "stub";

    public Task<string> ExplainTriageAsync(InvestigationRecord investigation, TriageResult draft, CancellationToken cancellationToken) =>
        Task.FromResult("explained");

    public Task<StepChoice?> ChooseNextStepAsync(InvestigationContext context, IReadOnlyList<StepChoice> candidates, CancellationToken cancellationToken) =>
        Task.FromResult<StepChoice?>(null);

    public Task<string> SummarizeAsync(InvestigationRecord investigation, CancellationToken cancellationToken) =>
        Task.FromResult($"Summary of {investigation.PrimaryAlert.Title}.");
}
