using System.Collections.Concurrent;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>A cursor held in memory. After a restart intake searches from the start again; the intake ledger makes every
/// incident already taken a no-op, so nothing is investigated twice, only searched again. A persistent cursor (beside the
/// Splunk SOAR one in the bridge store) replaces it when the XSOAR bridge is wired into the worker.</summary>
internal sealed class InMemoryXsoarIntakeCursor : IXsoarIntakeCursor
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _cursors = new(StringComparer.Ordinal);

    public Task<DateTimeOffset?> GetAsync(string instance, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(_cursors.TryGetValue(instance, out var at) ? at : null);

    public Task AdvanceAsync(string instance, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        _cursors.AddOrUpdate(instance, modified, (_, current) => modified > current ? modified : current);
        return Task.CompletedTask;
    }
}
