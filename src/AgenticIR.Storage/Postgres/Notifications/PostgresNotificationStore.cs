using AgenticIR.Core.Notifications;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.Notifications;

/// <summary>The notification outbox on PostgreSQL (table <c>notification_deliveries</c>), shared by every worker: the
/// primary key makes a second raise of an event insert nothing, and a claim takes rows <c>FOR UPDATE SKIP LOCKED</c>,
/// so two workers never claim the same delivery.</summary>
internal sealed class PostgresNotificationStore(PostgresDatabase database) : INotificationStore
{
    private const string Columns =
        """
        delivery_key AS DeliveryKey, notification_key AS NotificationKey, kind AS Kind, severity AS Severity, subject AS Subject,
        body AS Body, investigation_id AS InvestigationId, raised_at AS RaisedAt, target AS Target, platform AS Platform,
        instance AS Instance, external_id AS ExternalId, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        completed_at AS CompletedAt, external_ref AS ExternalRef, last_error AS LastError
        """;

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
            var rows = await connection.QueryAsync<BinaryRow>(new CommandDefinition(
                $"""
                UPDATE notification_deliveries SET attempts = attempts + 1, claimed_until = @until
                WHERE delivery_key IN (
                    SELECT delivery_key FROM notification_deliveries
                    WHERE state = 'pending' AND next_attempt_at <= @at AND (claimed_until IS NULL OR claimed_until <= @at)
                    ORDER BY seq LIMIT @max FOR UPDATE SKIP LOCKED)
                RETURNING {Columns}, seq AS Seq;
                """, new { at, max, until = StoreText.Timestamp(now + lease) }, transaction, cancellationToken: cancellationToken));
            return [.. rows.OrderBy(r => r.Seq).Select(r => r.ToRow().ToDelivery())];
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
            var rows = await connection.QueryAsync<BinaryRow>(new CommandDefinition(
                $"""
                SELECT {Columns}, seq AS Seq FROM notification_deliveries
                WHERE @notificationKey::text IS NULL OR notification_key = @notificationKey ORDER BY seq LIMIT @limit;
                """, new { notificationKey, limit }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToRow().ToDelivery())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<NotificationStatistics> ReadStatisticsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async connection => NotificationStatisticsRow.ToStatistics(await connection.QueryAsync<NotificationStatisticsRow>(
            new CommandDefinition(NotificationStatisticsRow.Sql, cancellationToken: cancellationToken))), cancellationToken);

    private sealed class BinaryRow
    {
        public string DeliveryKey { get; set; } = "";
        public string NotificationKey { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Severity { get; set; } = "";
        public byte[] Subject { get; set; } = [];
        public byte[] Body { get; set; } = [];
        public string? InvestigationId { get; set; }
        public string RaisedAt { get; set; } = "";
        public string Target { get; set; } = "";
        public string Platform { get; set; } = "";
        public string Instance { get; set; } = "";
        public string? ExternalId { get; set; }
        public string State { get; set; } = "";
        public int Attempts { get; set; }
        public string NextAttemptAt { get; set; } = "";
        public string? CompletedAt { get; set; }
        public string? ExternalRef { get; set; }
        public byte[]? LastError { get; set; }
        public long Seq { get; set; }

        public NotificationRow ToRow() => new()
        {
            DeliveryKey = DeliveryKey, NotificationKey = NotificationKey, Kind = Kind, Severity = Severity,
            Subject = PostgresExactText.Text(Subject), Body = PostgresExactText.Text(Body), InvestigationId = InvestigationId,
            RaisedAt = RaisedAt, Target = Target, Platform = Platform, Instance = Instance, ExternalId = ExternalId, State = State,
            Attempts = Attempts, NextAttemptAt = NextAttemptAt, CompletedAt = CompletedAt, ExternalRef = ExternalRef,
            LastError = PostgresExactText.Text(LastError),
        };
    }
}
