using AgenticIR.Core.Governance;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Controls;

/// <summary>Governance controls on PostgreSQL, shared by every worker on the database: a kill switch engaged by one stops
/// all, and dispatch counts and the failure streak are one set of counters. A reservation counts against its limits and
/// takes its slot under a transaction-scoped advisory lock, so two workers cannot both take the last slot.</summary>
internal sealed class PostgresGovernanceControlStore(PostgresDatabase database) : IGovernanceControlStore
{
    private const string FailureStreak = "consecutive_failures";
    private const string KillSwitchColumns =
        "scope AS Scope, engaged_by AS EngagedBy, reason AS Reason, engaged_at AS EngagedAt, released_by AS ReleasedBy, released_at AS ReleasedAt";
    private const string ActiveSql = $"SELECT {KillSwitchColumns} FROM kill_switches WHERE released_at IS NULL ORDER BY id;";

    private readonly ActiveSwitchCache _active = new();

    /// <inheritdoc />
    public Task EngageAsync(KillSwitch killSwitch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(killSwitch);
        return _active.ChangeAsync(() => WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kill_switches (scope, engaged_by, reason, engaged_at) VALUES (@Scope, @EngagedBy, @Reason, @At)
            ON CONFLICT (scope) WHERE released_at IS NULL DO NOTHING;
            """,
            new { killSwitch.Scope, killSwitch.EngagedBy, killSwitch.Reason, At = StoreText.Timestamp(killSwitch.EngagedAt) }, t, cancellationToken: cancellationToken)),
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string scope, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        _active.ChangeAsync(() => WriteAsync(async (c, t) =>
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE kill_switches SET released_by = @releasedBy, released_at = @at WHERE scope = @scope AND released_at IS NULL;",
            new { scope, releasedBy, at = StoreText.Timestamp(at) }, t, cancellationToken: cancellationToken)) > 0, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<KillSwitch>> ActiveAsync(CancellationToken cancellationToken) => QueryAsync(ActiveSql, null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KillSwitch>> ActiveAsync(TimeSpan maxAge, CancellationToken cancellationToken) =>
        _active.ReadAsync(maxAge, () => QueryAsync(ActiveSql, null, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<KillSwitch>> HistoryAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {KillSwitchColumns} FROM kill_switches WHERE engaged_at >= @since OR released_at >= @since OR released_at IS NULL ORDER BY id;",
            new { since = StoreText.Timestamp(since) }, cancellationToken);

    /// <inheritdoc />
    public Task<string?> TryReserveAsync(DispatchReservation reservation, IReadOnlyList<DispatchLimit> limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(limits);
        return WriteAsync(async (c, t) =>
        {
            // Counting and reserving are one step for every worker: without the lock two could each see room for one more.
            await c.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key);", new { key = PostgresLocks.DispatchReservations }, t,
                cancellationToken: cancellationToken));
            var already = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM dispatch_reservations WHERE investigation_id = @InvestigationId AND action_id = @ActionId;",
                new { reservation.InvestigationId, reservation.ActionId }, t, cancellationToken: cancellationToken));
            if (already > 0) return null;
            foreach (var limit in limits.Where(l => reservation.Categories.Contains(l.Category)))
            {
                var used = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM dispatch_reservations WHERE category = @Category AND reserved_at > @since;",
                    new { limit.Category, since = StoreText.Timestamp(reservation.At - limit.Window) }, t, cancellationToken: cancellationToken));
                if (used + 1 > limit.Max) return limit.Name;
            }
            foreach (var category in reservation.Categories.Distinct(StringComparer.Ordinal))
            {
                await c.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO dispatch_reservations (investigation_id, action_id, logical_action, category, reserved_at)
                    VALUES (@InvestigationId, @ActionId, @LogicalAction, @category, @at);
                    """,
                    new { reservation.InvestigationId, reservation.ActionId, reservation.LogicalAction, category, at = StoreText.Timestamp(reservation.At) },
                    t, cancellationToken: cancellationToken));
            }
            return (string?)null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(string category, DateTimeOffset since, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM dispatch_reservations WHERE category = @category AND reserved_at > @since;",
                new { category, since = StoreText.Timestamp(since) }, cancellationToken: cancellationToken));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> RecordOutcomeAsync(bool succeeded, CancellationToken cancellationToken) => WriteAsync(async (c, t) =>
        // One upsert: the row lock orders workers recording at once, and each gets the streak its own outcome left.
        (int)await c.ExecuteScalarAsync<long>(new CommandDefinition(
            succeeded
                ? "INSERT INTO governance_counters (name, value) VALUES (@name, 0) ON CONFLICT (name) DO UPDATE SET value = 0 RETURNING value;"
                : "INSERT INTO governance_counters (name, value) VALUES (@name, 1) ON CONFLICT (name) DO UPDATE SET value = governance_counters.value + 1 RETURNING value;",
            new { name = FailureStreak }, t, cancellationToken: cancellationToken)), cancellationToken);

    private async Task<IReadOnlyList<KillSwitch>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IReadOnlyList<KillSwitch>>(async connection =>
        {
            var rows = await connection.QueryAsync<KillSwitchRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToKillSwitch())];
        }, cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        database.RunAsync(work, null, cancellationToken);

    private sealed class KillSwitchRow
    {
        public string Scope { get; set; } = "";
        public string EngagedBy { get; set; } = "";
        public string Reason { get; set; } = "";
        public string EngagedAt { get; set; } = "";
        public string? ReleasedBy { get; set; }
        public string? ReleasedAt { get; set; }

        public KillSwitch ToKillSwitch() => new(Scope, EngagedBy, Reason, StoreText.ParseTimestamp(EngagedAt), ReleasedBy,
            ReleasedAt is null ? null : StoreText.ParseTimestamp(ReleasedAt));
    }
}
