using AgenticIR.Core.Notifications;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Sqlite.Notifications;

/// <summary>The notification outbox in the embedded SQLite file (table <c>notification_deliveries</c>, migration 0033).
/// Every write is one BEGIN IMMEDIATE transaction, so two workers claiming at once serialize and each row goes to one.
/// The state store must have been initialized on the same file first (it applies the migrations).</summary>
public sealed class SqliteNotificationStore(SqliteStoreOptions options) : INotificationStore
{
    private readonly SqliteConnectionFactory _connections = new(options);

    /// <inheritdoc />
    public async Task<int> EnqueueAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0) return 0;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var inserted = 0;
        foreach (var delivery in deliveries)
        {
            inserted += await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT OR IGNORE INTO notification_deliveries
                    (delivery_key, notification_key, kind, severity, subject, body, investigation_id, raised_at, target, platform,
                     instance, external_id, state, attempts, next_attempt_at, seq)
                VALUES (@DeliveryKey, @NotificationKey, @Kind, @Severity, CAST(@Subject AS TEXT), CAST(@Body AS TEXT), @InvestigationId,
                        @RaisedAt, @Target, @Platform, @Instance, @ExternalId, @State, @Attempts, @NextAttemptAt,
                        (SELECT COALESCE(MAX(seq), 0) + 1 FROM notification_deliveries));
                """,
                NotificationRow.Parameters(delivery, SqliteExactText.Value), transaction, cancellationToken: cancellationToken));
        }
        transaction.Commit();
        return inserted;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var at = StoreText.Timestamp(now);
        var keys = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT delivery_key FROM notification_deliveries
            WHERE state = 'pending' AND next_attempt_at <= @at AND (claimed_until IS NULL OR claimed_until <= @at)
            ORDER BY seq LIMIT @max;
            """, new { at, max }, transaction, cancellationToken: cancellationToken))).ToList();
        var claimed = new List<NotificationDelivery>(keys.Count);
        foreach (var key in keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notification_deliveries SET attempts = attempts + 1, claimed_until = @until WHERE delivery_key = @key;",
                new { key, until = StoreText.Timestamp(now + lease) }, transaction, cancellationToken: cancellationToken));
            var row = await connection.QuerySingleAsync<NotificationDeliveryRow<string>>(new CommandDefinition(
                $"SELECT {NotificationRow.Columns} FROM notification_deliveries WHERE delivery_key = @key;",
                new { key }, transaction, cancellationToken: cancellationToken));
            claimed.Add(row.ToDelivery(Text));
        }
        transaction.Commit();
        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(string deliveryKey, NotificationDeliveryState state, string? externalRef, string? error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryKey);
        if (state == NotificationDeliveryState.Pending) throw new ArgumentException("a completed delivery is delivered or failed", nameof(state));
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries
            SET state = @state, external_ref = @externalRef, last_error = COALESCE(CAST(@error AS TEXT), last_error), completed_at = @at, claimed_until = NULL
            WHERE delivery_key = @deliveryKey AND state = 'pending';
            """,
            new { deliveryKey, state = StoreText.Name(state), externalRef, error = SqliteExactText.Value(error), at = StoreText.Timestamp(at) },
            transaction, cancellationToken: cancellationToken));
        transaction.Commit();
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task RetryLaterAsync(string deliveryKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryKey);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET next_attempt_at = @next, last_error = CAST(@error AS TEXT), claimed_until = NULL
            WHERE delivery_key = @deliveryKey AND state = 'pending';
            """,
            new { deliveryKey, next = StoreText.Timestamp(nextAttemptAt), error = SqliteExactText.Value(error) }, transaction, cancellationToken: cancellationToken));
        transaction.Commit();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationDelivery>> ListAsync(string? notificationKey, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationDeliveryRow<string>>(new CommandDefinition(
            $"""
            SELECT {NotificationRow.Columns} FROM notification_deliveries
            WHERE @notificationKey IS NULL OR notification_key = @notificationKey ORDER BY seq LIMIT @limit;
            """, new { notificationKey, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDelivery(Text))];
    }

    /// <inheritdoc />
    public async Task<NotificationStatistics> ReadStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return NotificationStatisticsRow.ToStatistics(await connection.QueryAsync<NotificationStatisticsRow>(
            new CommandDefinition(NotificationStatisticsRow.Sql, cancellationToken: cancellationToken)));
    }

    // SQLite keeps the free text as text.
    private static string Text(string text) => text;
}
