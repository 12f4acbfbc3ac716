using System.Data.Common;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Workers;
using Dapper;

namespace AgenticIR.Storage.Shared.Workers;

/// <summary>The worker registry's SQL, the same on both back ends (UPSERT with a condition on the row found). A back end
/// supplies its transactions and the query that picks investigations to take over (PostgreSQL skips rows another
/// transaction holds).</summary>
internal abstract class WorkerRegistryStore(TimeProvider time) : IWorkerRegistry
{
    // Takes a claim that is free, this worker's, or held by a dead one (not a registered worker, stopped, or silent since
    // @cutoff). The row lock of the conflicting claim orders two claimers: the second sees the first's worker, alive.
    private const string ClaimSql =
        """
        INSERT INTO investigation_claims (investigation_id, worker_id, claimed_at) VALUES (@id, @workerId, @now)
        ON CONFLICT (investigation_id) DO UPDATE SET worker_id = excluded.worker_id, claimed_at = excluded.claimed_at
        WHERE investigation_claims.worker_id = excluded.worker_id
           OR NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = investigation_claims.worker_id AND w.stopped_at IS NULL AND w.last_seen >= @cutoff);
        """;

    /// <summary>Investigations not at rest that nobody alive runs, with the back end's row-locking clause.</summary>
    protected static string CandidatesSql(string lockClause) =>
        $"""
        SELECT i.id FROM investigations i
        LEFT JOIN investigation_claims c ON c.investigation_id = i.id
        WHERE i.stage NOT IN (@documented, @closed, @awaiting)
          AND ((c.investigation_id IS NULL AND i.updated_at < @cutoff)
               OR (c.worker_id <> @workerId
                   AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = c.worker_id AND w.stopped_at IS NULL AND w.last_seen >= @cutoff)))
        ORDER BY i.created_at, i.id
        LIMIT @limit {lockClause};
        """;

    protected TimeProvider Time { get; } = time;

    protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    protected abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Selects (and on PostgreSQL locks, skipping locked rows) the ids to take over; columns: one id per row.</summary>
    protected abstract string TakeOverCandidatesSql { get; }

    /// <inheritdoc />
    public Task RegisterAsync(WorkerRegistration worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var now = StoreText.Timestamp(Time.GetUtcNow());
        return WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workers (id, host, pid, started_at, last_seen, stopped_at) VALUES (@Id, @Host, @Pid, @StartedAt, @now, NULL)
            ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid, started_at = excluded.started_at,
                last_seen = excluded.last_seen, stopped_at = NULL;
            """, new { worker.Id, worker.Host, worker.Pid, StartedAt = StoreText.Timestamp(worker.StartedAt), now }, t, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task HeartbeatAsync(string workerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        return WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE workers SET last_seen = @now WHERE id = @workerId AND stopped_at IS NULL;",
            new { workerId, now = StoreText.Timestamp(Time.GetUtcNow()) }, t, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(string workerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        return WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE workers SET stopped_at = @now WHERE id = @workerId AND stopped_at IS NULL;",
            new { workerId, now = StoreText.Timestamp(Time.GetUtcNow()) }, t, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkerRecord>> ListWorkersAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<WorkerRecord>>(async c =>
    {
        var rows = await c.QueryAsync<WorkerRow>(new CommandDefinition(
            """
            SELECT id AS Id, host AS Host, pid AS Pid, started_at AS StartedAt, last_seen AS LastSeen, stopped_at AS StoppedAt
            FROM workers ORDER BY started_at DESC, id;
            """, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryClaimInvestigationAsync(string investigationId, string workerId, TimeSpan deadAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        var now = Time.GetUtcNow();
        return WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(ClaimSql, new { id = investigationId, workerId, now = StoreText.Timestamp(now), cutoff = StoreText.Timestamp(now - deadAfter) }, t,
            cancellationToken: cancellationToken)) > 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseInvestigationAsync(string investigationId, string workerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        return WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM investigation_claims WHERE investigation_id = @investigationId AND worker_id = @workerId;",
            new { investigationId, workerId }, t, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> TakeOverAsync(string workerId, TimeSpan deadAfter, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = Time.GetUtcNow();
        var args = new
        {
            workerId,
            limit,
            now = StoreText.Timestamp(now),
            cutoff = StoreText.Timestamp(now - deadAfter),
            documented = StoreText.Stage(InvestigationStage.Documented),
            closed = StoreText.Stage(InvestigationStage.Closed),
            awaiting = StoreText.Stage(InvestigationStage.AwaitingApproval),
        };
        return WriteAsync<IReadOnlyList<string>>(async (c, t) =>
        {
            var ids = (await c.QueryAsync<string>(new CommandDefinition(TakeOverCandidatesSql, args, t, cancellationToken: cancellationToken))).AsList();
            var taken = new List<string>(ids.Count);
            foreach (var id in ids)
            {
                var claimed = await c.ExecuteAsync(new CommandDefinition(ClaimSql, new { id, workerId, args.now, args.cutoff }, t, cancellationToken: cancellationToken));
                if (claimed > 0) taken.Add(id);
            }
            return taken;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string name, string workerId, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        var now = Time.GetUtcNow();
        return WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO leases (name, holder, acquired_at, renewed_at, expires_at) VALUES (@name, @workerId, @now, @now, @expires)
            ON CONFLICT (name) DO UPDATE SET
                acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END,
                holder = excluded.holder, renewed_at = excluded.renewed_at, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at < excluded.renewed_at
               OR EXISTS (SELECT 1 FROM workers w WHERE w.id = leases.holder AND w.stopped_at IS NOT NULL);
            """, new { name, workerId, now = StoreText.Timestamp(now), expires = StoreText.Timestamp(now + duration) }, t,
            cancellationToken: cancellationToken)) > 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LeaseRecord>> ListLeasesAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<LeaseRecord>>(async c =>
    {
        var rows = await c.QueryAsync<LeaseRow>(new CommandDefinition(
            "SELECT name AS Name, holder AS Holder, acquired_at AS AcquiredAt, renewed_at AS RenewedAt, expires_at AS ExpiresAt FROM leases ORDER BY name;",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }, cancellationToken);

    /// <inheritdoc />
    public Task<StoreStatistics> ReadStatisticsAsync(CancellationToken cancellationToken) => ReadAsync(async c =>
    {
        var intake = (await c.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT status AS Name, COUNT(*) AS Count FROM intake GROUP BY status;", cancellationToken: cancellationToken))).ToDictionary(r => r.Name, r => r.Count, StringComparer.Ordinal);
        var stages = (await c.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT stage AS Name, COUNT(*) AS Count FROM investigations GROUP BY stage;", cancellationToken: cancellationToken))).ToDictionary(r => r.Name, r => r.Count, StringComparer.Ordinal);
        long Of(Dictionary<string, long> counts, string name) => counts.GetValueOrDefault(name);
        var resting = Of(stages, StoreText.Stage(InvestigationStage.Documented)) + Of(stages, StoreText.Stage(InvestigationStage.Closed));
        var awaiting = Of(stages, StoreText.Stage(InvestigationStage.AwaitingApproval));
        var total = stages.Values.Sum();
        return new StoreStatistics(Of(intake, StoreText.Name(IntakeStatus.Processed)), Of(intake, StoreText.Name(IntakeStatus.Merged)),
            Of(intake, StoreText.Name(IntakeStatus.DeadLettered)), total, total - resting - awaiting, awaiting);
    }, cancellationToken);

    private sealed class CountRow
    {
        public string Name { get; set; } = "";
        public long Count { get; set; }
    }

    private sealed class WorkerRow
    {
        public string Id { get; set; } = "";
        public string Host { get; set; } = "";
        public long Pid { get; set; }
        public string StartedAt { get; set; } = "";
        public string LastSeen { get; set; } = "";
        public string? StoppedAt { get; set; }

        public WorkerRecord ToRecord() => new(Id, Host, (int)Pid, StoreText.ParseTimestamp(StartedAt), StoreText.ParseTimestamp(LastSeen),
            StoppedAt is null ? null : StoreText.ParseTimestamp(StoppedAt));
    }

    private sealed class LeaseRow
    {
        public string Name { get; set; } = "";
        public string Holder { get; set; } = "";
        public string AcquiredAt { get; set; } = "";
        public string RenewedAt { get; set; } = "";
        public string ExpiresAt { get; set; } = "";

        public LeaseRecord ToRecord() => new(Name, Holder, StoreText.ParseTimestamp(AcquiredAt), StoreText.ParseTimestamp(RenewedAt), StoreText.ParseTimestamp(ExpiresAt));
    }
}
