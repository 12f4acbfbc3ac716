using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Orchestration;

/// <summary>The claims of a process that shares its store with no other worker: every investigation is its own.</summary>
internal sealed class UnclaimedInvestigations : IInvestigationClaims
{
    public Task<bool> TryClaimAsync(string investigationId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync(string investigationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
