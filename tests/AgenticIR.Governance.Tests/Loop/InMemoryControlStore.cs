using AgenticIR.Core.Governance;

namespace AgenticIR.Governance.Tests.Loop;

/// <summary>Kill switches in memory, with their history (what the governance loop and the kill switch service read).</summary>
internal sealed class InMemoryControlStore : IGovernanceControlStore
{
    private readonly List<KillSwitch> _switches = [];
    private readonly Lock _lock = new();

    public Task EngageAsync(KillSwitch killSwitch, CancellationToken cancellationToken)
    {
        lock (_lock) _switches.Add(killSwitch);
        return Task.CompletedTask;
    }

    public Task<bool> ReleaseAsync(string scope, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _switches.FindIndex(k => k.Scope == scope && k.ReleasedAt is null);
            if (index < 0) return Task.FromResult(false);
            _switches[index] = _switches[index] with { ReleasedBy = releasedBy, ReleasedAt = at };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<KillSwitch>> ActiveAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<KillSwitch>>([.. _switches.Where(k => k.ReleasedAt is null)]);
    }

    public Task<IReadOnlyList<KillSwitch>> HistoryAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<KillSwitch>>([.. _switches.Where(k => k.EngagedAt >= since || k.ReleasedAt >= since)]);
    }

    public Task<string?> TryReserveAsync(DispatchReservation reservation, IReadOnlyList<DispatchLimit> limits, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<int> CountAsync(string category, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> RecordOutcomeAsync(bool succeeded, CancellationToken cancellationToken) => throw new NotSupportedException();
}
