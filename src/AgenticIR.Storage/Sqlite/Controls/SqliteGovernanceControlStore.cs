using AgenticIR.Core.Governance;
using AgenticIR.Storage.Shared;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Controls;

/// <summary>Governance controls on the embedded store. Every check-and-count runs in one BEGIN IMMEDIATE transaction,
/// so two workers on the same file cannot both take the last slot of a limit.</summary>
public sealed class SqliteGovernanceControlStore(SqliteStoreOptions options) : IGovernanceControlStore
{
    private const string FailureStreak = "consecutive_failures";
    private readonly SqliteConnectionFactory _connections = new(options);
    private readonly ActiveSwitchCache _active = new();

    /// <inheritdoc />
    public Task EngageAsync(KillSwitch killSwitch, CancellationToken cancellationToken) => _active.ChangeAsync(() => WriteAsync(async (c, t) =>
    {
        ArgumentNullException.ThrowIfNull(killSwitch);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kill_switches (scope, engaged_by, reason, engaged_at) VALUES (@Scope, @EngagedBy, @Reason, @At)
            ON CONFLICT (scope) WHERE released_at IS NULL DO NOTHING;
            """,
            new { killSwitch.Scope, killSwitch.EngagedBy, killSwitch.Reason, At = StoreText.Timestamp(killSwitch.EngagedAt) }, t, cancellationToken: cancellationToken));
        return 0;
    }, cancellationToken));

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string scope, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken) => _active.ChangeAsync(() => WriteAsync(async (c, t) =>
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE kill_switches SET released_by = @releasedBy, released_at = @at WHERE scope = @scope AND released_at IS NULL;",
            new { scope, releasedBy, at = StoreText.Timestamp(at) }, t, cancellationToken: cancellationToken)) > 0, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<KillSwitch>> ActiveAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM kill_switches WHERE released_at IS NULL ORDER BY id;", null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KillSwitch>> ActiveAsync(TimeSpan maxAge, CancellationToken cancellationToken) =>
        _active.ReadAsync(maxAge, () => ActiveAsync(cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<KillSwitch>> HistoryAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM kill_switches WHERE engaged_at >= @since OR released_at >= @since OR released_at IS NULL ORDER BY id;",
            new { since = StoreText.Timestamp(since) }, cancellationToken);

    /// <inheritdoc />
    public Task<string?> TryReserveAsync(DispatchReservation reservation, IReadOnlyList<DispatchLimit> limits, CancellationToken cancellationToken) => WriteAsync(async (c, t) =>
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(limits);
        var already = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dispatch_reservations WHERE investigation_id = @InvestigationId AND action_id = @ActionId;",
            reservation, t, cancellationToken: cancellationToken));
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

    /// <inheritdoc />
    public async Task<int> CountAsync(string category, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dispatch_reservations WHERE category = @category AND reserved_at > @since;",
            new { category, since = StoreText.Timestamp(since) }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public Task<int> RecordOutcomeAsync(bool succeeded, CancellationToken cancellationToken) => WriteAsync(async (c, t) =>
        (int)await c.ExecuteScalarAsync<long>(new CommandDefinition(
            succeeded
                ? "INSERT INTO governance_counters (name, value) VALUES (@name, 0) ON CONFLICT (name) DO UPDATE SET value = 0 RETURNING value;"
                : "INSERT INTO governance_counters (name, value) VALUES (@name, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value;",
            new { name = FailureStreak }, t, cancellationToken: cancellationToken)), cancellationToken);

    private async Task<IReadOnlyList<KillSwitch>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KillSwitchRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToKillSwitch())];
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private sealed class KillSwitchRow
    {
        public string Scope { get; set; } = "";
        public string Engaged_By { get; set; } = "";
        public string Reason { get; set; } = "";
        public string Engaged_At { get; set; } = "";
        public string? Released_By { get; set; }
        public string? Released_At { get; set; }

        public KillSwitch ToKillSwitch() => new(Scope, Engaged_By, Reason, StoreText.ParseTimestamp(Engaged_At), Released_By,
            Released_At is null ? null : StoreText.ParseTimestamp(Released_At));
    }
}
