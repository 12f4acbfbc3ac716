using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Tests.Xsoar.Shadow;

/// <summary>Keeps every outcome it is asked to record.</summary>
internal sealed class RecordingOutcomeRecorder : IOutcomeRecorder
{
    public List<(string InvestigationId, IncidentOutcome Outcome)> Recorded { get; } = [];

    public Task<InvestigationRecord?> RecordAsync(string investigationId, IncidentOutcome outcome, CancellationToken cancellationToken)
    {
        Recorded.Add((investigationId, outcome));
        return Task.FromResult<InvestigationRecord?>(null);
    }
}
