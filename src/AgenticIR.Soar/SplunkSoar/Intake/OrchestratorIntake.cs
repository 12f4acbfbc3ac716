using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>The production intake: the orchestrator itself.</summary>
internal sealed class OrchestratorIntake(InvestigationOrchestrator orchestrator) : IInvestigationIntake
{
    public Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken) =>
        orchestrator.IngestAsync(inputKey, raw, normalized, context, cancellationToken);

    public Task<IngestOutcome> IngestIntoAsync(string investigationId, string inputKey, RawAlert raw, NormalizationResult normalized, CancellationToken cancellationToken) =>
        orchestrator.IngestIntoAsync(investigationId, inputKey, raw, normalized, cancellationToken);
}
