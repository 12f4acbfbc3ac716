using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Metrics;

/// <summary>The metrics outbox on PostgreSQL (table <c>metrics_outbox</c>): ascending id is the delivery order and the
/// unique event id keeps a re-emitted event (from this worker or another) from being buffered twice.</summary>
internal sealed class PostgresMetricsOutbox(PostgresDatabase database, TimeProvider time) : IMetricsOutbox
{
    private const string Pending = "pending";
    private const string Delivered = "delivered";
    private const string DeadLettered = "dead_lettered";
    private const string Columns = "id AS Id, event_id AS EventId, sourcetype AS Sourcetype, time AS Time, payload AS Payload, state AS State, attempts AS Attempts, last_error AS LastError";

    /// <inheritdoc />
    public Task<bool> EnqueueAsync(string eventId, string sourcetype, DateTimeOffset time, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentException.ThrowIfNullOrEmpty(sourcetype);
        ArgumentNullException.ThrowIfNull(payload);
        return WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO metrics_outbox (event_id, sourcetype, time, payload, state, enqueued_at)
            VALUES (@eventId, @sourcetype, @time, @payload, 'pending', @now)
            ON CONFLICT (event_id) DO NOTHING;
            """,
            new { eventId, sourcetype, time = StoreText.Timestamp(time), payload, now = Now() },
            transaction, cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> EnqueueAsync(IReadOnlyList<MetricsOutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return Task.FromResult(0);
        // One statement over arrays: ids are taken in the items' order, and duplicates (within the batch too) are skipped.
        return WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO metrics_outbox (event_id, sourcetype, time, payload, state, enqueued_at)
            SELECT e, s, t, p, 'pending', @now FROM unnest(@events, @sourcetypes, @times, @payloads) WITH ORDINALITY AS i (e, s, t, p, n)
            ORDER BY n
            ON CONFLICT (event_id) DO NOTHING;
            """,
            new
            {
                events = items.Select(i => i.EventId).ToArray(),
                sourcetypes = items.Select(i => i.Sourcetype).ToArray(),
                times = items.Select(i => StoreText.Timestamp(i.Time)).ToArray(),
                payloads = items.Select(i => i.Payload).ToArray(),
                now = Now(),
            }, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricsOutboxEntry>> ListPendingAsync(int limit, CancellationToken cancellationToken) =>
        ListAsync(Pending, limit, cancellationToken);

    /// <inheritdoc />
    public Task MarkDeliveredAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        UpdateAsync("state = 'delivered', delivered_at = @now", ids, null, cancellationToken);

    /// <inheritdoc />
    public Task RecordFailureAsync(IReadOnlyList<long> ids, string error, CancellationToken cancellationToken) =>
        UpdateAsync("attempts = attempts + 1, last_error = @text", ids, error, cancellationToken);

    /// <inheritdoc />
    public Task DeadLetterAsync(IReadOnlyList<long> ids, string reason, CancellationToken cancellationToken) =>
        UpdateAsync("state = 'dead_lettered', attempts = attempts + 1, last_error = @text", ids, reason, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricsOutboxEntry>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        ListAsync(DeadLettered, limit, cancellationToken);

    /// <inheritdoc />
    public Task<int> RequeueDeadLettersAsync(CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE metrics_outbox SET state = 'pending' WHERE state = 'dead_lettered';",
            transaction: transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <inheritdoc />
    public Task<int> PruneDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM metrics_outbox WHERE state = 'delivered' AND delivered_at < @before;",
            new { before = StoreText.Timestamp(before) }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <inheritdoc />
    public async Task<MetricsOutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var rows = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
                "SELECT state, COUNT(*) FROM metrics_outbox GROUP BY state;", cancellationToken: cancellationToken)))
                .ToDictionary(r => r.State, r => r.Count, StringComparer.Ordinal);
            return new MetricsOutboxCounts(rows.GetValueOrDefault(Pending), rows.GetValueOrDefault(Delivered), rows.GetValueOrDefault(DeadLettered));
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<MetricsOutboxEntry>> ListAsync(string state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await database.ReadAsync<IReadOnlyList<MetricsOutboxEntry>>(async connection =>
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM metrics_outbox WHERE state = @state ORDER BY id LIMIT @limit;",
                new { state, limit }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToEntry())];
        }, cancellationToken);
    }

    private Task UpdateAsync(string set, IReadOnlyList<long> ids, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return Task.CompletedTask;
        // A delivery error may quote what the receiver echoed of an event: kept exactly (PostgresExactText).
        return WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE metrics_outbox SET {set} WHERE id = ANY(@ids);",
            new { ids = ids.ToArray(), text = PostgresExactText.Bytes(text), now = Now() }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        database.RunAsync(work, null, cancellationToken);

    private string Now() => StoreText.Timestamp(time.GetUtcNow());

    private sealed class Row
    {
        public long Id { get; init; }
        public string EventId { get; init; } = "";
        public string Sourcetype { get; init; } = "";
        public string Time { get; init; } = "";
        public string Payload { get; init; } = "";
        public string State { get; init; } = "";
        public int Attempts { get; init; }
        public byte[]? LastError { get; init; }

        public MetricsOutboxEntry ToEntry() => new()
        {
            Id = Id,
            EventId = EventId,
            Sourcetype = Sourcetype,
            Time = StoreText.ParseTimestamp(Time),
            Payload = Payload,
            State = State switch
            {
                Delivered => MetricsOutboxState.Delivered,
                DeadLettered => MetricsOutboxState.DeadLettered,
                _ => MetricsOutboxState.Pending,
            },
            Attempts = Attempts,
            LastError = PostgresExactText.Text(LastError),
        };
    }
}
