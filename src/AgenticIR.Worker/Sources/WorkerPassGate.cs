using System.Collections.Concurrent;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>The gate of <c>run</c>: each pass holds a named lease in the shared store, taken or renewed under this worker's
/// id at every call, for <see cref="Duration"/> of the pass's interval. A killed worker's leases pass to another once they
/// expire, or at once when the registry marks it stopped (a clean shutdown, or a restart on the same machine finding its
/// process gone).</summary>
internal sealed partial class WorkerPassGate(IWorkerRegistry registry, WorkerIdentity worker, ILogger<WorkerPassGate> logger) : IPassGate
{
    private readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);

    /// <summary>How long one call holds the lease: three intervals, and never less than the worker timeout, so a pass
    /// that runs long or a store that answers slowly does not let the lease lapse while its holder is alive.</summary>
    public TimeSpan Duration(TimeSpan interval) => interval * 3 > worker.Timeout ? interval * 3 : worker.Timeout;

    /// <inheritdoc />
    public async Task<bool> TryEnterAsync(string lease, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lease);
        var held = await registry.TryAcquireLeaseAsync(lease, worker.Id, Duration(interval), cancellationToken);
        var before = _held.TryGetValue(lease, out var was) && was;
        _held[lease] = held;
        if (held && !before) Acquired(logger, lease, worker.Id);
        else if (!held && before) Lost(logger, lease, worker.Id);
        return held;
    }

    [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Lease {Lease} taken by worker {WorkerId}: this worker runs that pass")]
    private static partial void Acquired(ILogger logger, string lease, string workerId);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Lease {Lease} lost by worker {WorkerId}: another worker took it; this worker stops that pass until it wins it again")]
    private static partial void Lost(ILogger logger, string lease, string workerId);
}
