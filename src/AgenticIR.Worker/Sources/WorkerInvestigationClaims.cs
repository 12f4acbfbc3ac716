using AgenticIR.Core.Ports;

namespace AgenticIR.Worker.Sources;

/// <summary>Claims in the shared store under this worker's id: an investigation another live worker runs is left to it.</summary>
internal sealed class WorkerInvestigationClaims(IWorkerRegistry registry, WorkerIdentity worker) : IInvestigationClaims
{
    public Task<bool> TryClaimAsync(string investigationId, CancellationToken cancellationToken) =>
        registry.TryClaimInvestigationAsync(investigationId, worker.Id, worker.Timeout, cancellationToken);

    public Task ReleaseAsync(string investigationId, CancellationToken cancellationToken) =>
        registry.ReleaseInvestigationAsync(investigationId, worker.Id, cancellationToken);
}
