using AgenticIR.Core.Notifications;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.Notifications;

/// <summary>The notification outbox on PostgreSQL (table <c>notification_deliveries</c>), shared by every worker: the
/// primary key makes a second raise of an event insert nothing, and a claim takes rows <c>FOR UPDATE SKIP LOCKED</c>,
/// so two workers never claim the same delivery.</summary>
internal sealed class PostgresNotificationStore(PostgresDatabase database) : INotificationStore
{
    /// <inheritdoc />
    public async Task<int> EnqueueAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0) return 0;
        return await database.RunAsync(async (connection, transaction) =>
        {
            var inserted = 0;
            foreach (var delivery in deliveries)
            {
                inserted += await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO notification_deliveries
                        (delivery_key, notification_key, kind, severity, subject, body, investigation_id, raised_at, target, platform,
                         instance, external_id, state, attempts, next_attempt_at)
                    VALUES (@DeliveryKey, @NotificationKey, @Kind, @Severity, @Subject, @Body, @InvestigationId, @RaisedAt, @Target,
                            @Platform, @Instance, @ExternalId, @State, @Attempts, @NextAttemptAt)
                    ON CONFLICT (delivery_key) DO NOTHING;
                    """,
                    NotificationRow.Parameters(delivery, PostgresExactText.Bytes), transaction, cancellationToken: cancellationToken));
            }
            return inserted;
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var at = StoreText.Timestamp(now);
        return await database.RunAsync<IReadOnlyList<NotificationDelivery>>(async (connection, transaction) =>
        {
            var rows = await connection.QueryAsync<NotificationDeliveryRow<byte[]>>(new CommandDefinition(
                $"""
                UPDATE notification_deliveries SET attempts = attempts + 1, claimed_until = @until
                WHERE delivery_key IN (
                    SELECT delivery_key FROM notification_deliveries
                    WHERE state = 'pending' AND next_attempt_at <= @at AND (claimed_until IS NULL OR claimed_until <= @at)
                    ORDER BY seq LIMIT @max FOR UPDATE SKIP LOCKED)
                RETURNING {NotificationRow.Columns}, seq AS Seq;
                """, new { at, max, until = StoreText.Timestamp(now + lease) }, transaction, cancellationToken: cancellationToken));
            return [.. rows.OrderBy(r => r.Seq).Select(r => r.ToDelivery(PostgresExactText.Text))];
        }, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(string deliveryKey, NotificationDeliveryState state, string? externalRef, string? error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryKey);
        if (state == NotificationDeliveryState.Pending) throw new ArgumentException("a completed delivery is delivered or failed", nameof(state));
        return await database.RunAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries
            SET state = @state, external_ref = @externalRef, last_error = COALESCE(@error, last_error), completed_at = @at, claimed_until = NULL
            WHERE delivery_key = @deliveryKey AND state = 'pending';
            """,
            new { deliveryKey, state = StoreText.Name(state), externalRef, error = PostgresExactText.Bytes(error), at = StoreText.Timestamp(at) },
            transaction, cancellationToken: cancellationToken)) == 1, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RetryLaterAsync(string deliveryKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryKey);
        await database.RunAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET next_attempt_at = @next, last_error = @error, claimed_until = NULL
            WHERE delivery_key = @deliveryKey AND state = 'pending';
            """,
            new { deliveryKey, next = StoreText.Timestamp(nextAttemptAt), error = PostgresExactText.Bytes(error) }, transaction, cancellationToken: cancellationToken)),
            null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationDelivery>> ListAsync(string? notificationKey, int limit, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IReadOnlyList<NotificationDelivery>>(async connection =>
        {
            var rows = await connection.QueryAsync<NotificationDeliveryRow<byte[]>>(new CommandDefinition(
                $"""
                SELECT {NotificationRow.Columns}, seq AS Seq FROM notification_deliveries
                WHERE @notificationKey::text IS NULL OR notification_key = @notificationKey ORDER BY seq LIMIT @limit;
                """, new { notificationKey, limit }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToDelivery(PostgresExactText.Text))];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<NotificationStatistics> ReadStatisticsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async connection => NotificationStatisticsRow.ToStatistics(await connection.QueryAsync<NotificationStatisticsRow>(
            new CommandDefinition(NotificationStatisticsRow.Sql, cancellationToken: cancellationToken))), cancellationToken);
}
