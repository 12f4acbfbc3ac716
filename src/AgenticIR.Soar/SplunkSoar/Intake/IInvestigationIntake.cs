using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>Where the bridge hands containers over: the orchestrator's exactly-once intake (an interface so the bridge
/// is tested without the whole pipeline).</summary>
internal interface IInvestigationIntake
{
    /// <summary>Takes one input exactly once and runs its investigation to rest.</summary>
    Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken);

    /// <summary>Adds one input to a given investigation, exactly once.</summary>
    Task<IngestOutcome> IngestIntoAsync(string investigationId, string inputKey, RawAlert raw, NormalizationResult normalized, CancellationToken cancellationToken);
}
