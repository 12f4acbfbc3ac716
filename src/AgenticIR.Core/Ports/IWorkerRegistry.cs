using AgenticIR.Core.Workers;

namespace AgenticIR.Core.Ports;

/// <summary>The workers sharing one store: registrations and heartbeats, claims on the investigations each is running,
/// and named leases for work one worker at a time must do (polling one SOAR instance). A worker is alive while it is not
/// stopped and its last heartbeat is within the dead-after span the caller passes; a claim or lease of a dead worker is
/// free for any other. SQLite and PostgreSQL implement it and pass one contract suite.</summary>
public interface IWorkerRegistry
{
    /// <summary>Registers a worker (heartbeat now); registering again refreshes the row.</summary>
    Task RegisterAsync(WorkerRegistration worker, CancellationToken cancellationToken);

    /// <summary>Records that the worker is alive now.</summary>
    Task HeartbeatAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Marks a worker stopped (a clean shutdown, or a process found dead): its claims and leases are free at once.</summary>
    Task StopAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Every registered worker, most recently started first.</summary>
    Task<IReadOnlyList<WorkerRecord>> ListWorkersAsync(CancellationToken cancellationToken);

    /// <summary>Claims an investigation for <paramref name="workerId"/>: true when it was unclaimed, already this worker's,
    /// or held by a worker that is not alive; false while another live worker holds it.</summary>
    Task<bool> TryClaimInvestigationAsync(string investigationId, string workerId, TimeSpan deadAfter, CancellationToken cancellationToken);

    /// <summary>Gives up this worker's claim (the investigation came to rest); another worker's claim is left alone.</summary>
    Task ReleaseInvestigationAsync(string investigationId, string workerId, CancellationToken cancellationToken);

    /// <summary>Claims, for <paramref name="workerId"/>, up to <paramref name="limit"/> investigations that are not at rest
    /// (documented, closed, awaiting approval) and that nobody alive is running: claimed by a dead worker, or unclaimed and
    /// unchanged for <paramref name="deadAfter"/>. Oldest first; two workers calling at once never get the same one.</summary>
    Task<IReadOnlyList<string>> TakeOverAsync(string workerId, TimeSpan deadAfter, int limit, CancellationToken cancellationToken);

    /// <summary>Takes or renews the named lease for <paramref name="duration"/>: true when it was free, expired, or already
    /// this worker's; false while another worker holds it unexpired.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string workerId, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Every lease, by name.</summary>
    Task<IReadOnlyList<LeaseRecord>> ListLeasesAsync(CancellationToken cancellationToken);

    /// <summary>Inputs by outcome and investigations by state.</summary>
    Task<StoreStatistics> ReadStatisticsAsync(CancellationToken cancellationToken);
}
