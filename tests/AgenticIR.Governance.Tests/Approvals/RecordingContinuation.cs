using AgenticIR.Core.Ports;

namespace AgenticIR.Governance.Tests.Approvals;

internal sealed class RecordingContinuation : IInvestigationContinuation
{
    private readonly List<string> _continued = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<string> Continued
    {
        get { lock (_lock) return [.. _continued]; }
    }

    public Task ContinueAsync(string investigationId, CancellationToken cancellationToken)
    {
        lock (_lock) _continued.Add(investigationId);
        return Task.CompletedTask;
    }
}
