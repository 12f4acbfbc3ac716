using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Shared;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Metrics;

/// <summary>The metrics outbox in the embedded SQLite file (table <c>metrics_outbox</c>, migration 0006). The state
/// store must have been initialized on the same file first (it applies the migrations).</summary>
public sealed class SqliteMetricsOutbox : IMetricsOutbox
{
    private const string Pending = "pending";
    private const string Delivered = "delivered";
    private const string DeadLettered = "dead_lettered";
    private const string Columns = "id AS Id, event_id AS EventId, sourcetype AS Sourcetype, time AS Time, payload AS Payload, state AS State, attempts AS Attempts, last_error AS LastError";

    // Writers of this class queue here rather than spin on SQLite's busy handler; other writers wait on the busy timeout.

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate;

    /// <summary>Creates the outbox over <see cref="SqliteStoreOptions.Path"/>.</summary>
    public SqliteMetricsOutbox(SqliteStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _connections = new SqliteConnectionFactory(options);
        _time = time;
        _writeGate = SqliteWriteGates.For(_connections.FilePath);
    }

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
            new { eventId, sourcetype, time = StoreText.Timestamp(time), payload, now = StoreText.Timestamp(_time.GetUtcNow()) },
            transaction, cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> EnqueueAsync(IReadOnlyList<MetricsOutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return Task.FromResult(0);
        var now = StoreText.Timestamp(_time.GetUtcNow());
        return WriteAsync(async (connection, transaction) =>
        {
            var added = 0;
            // One multi-row statement per chunk: per-row statements cost more than the inserts themselves.
            foreach (var chunk in items.Chunk(100))
            {
                var sql = new System.Text.StringBuilder(
                    "INSERT INTO metrics_outbox (event_id, sourcetype, time, payload, state, enqueued_at) VALUES ");
                var parameters = new DynamicParameters();
                parameters.Add("now", now);
                for (var i = 0; i < chunk.Length; i++)
                {
                    sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"(@e{i}, @s{i}, @t{i}, @p{i}, 'pending', @now)");
                    parameters.Add($"e{i}", chunk[i].EventId);
                    parameters.Add($"s{i}", chunk[i].Sourcetype);
                    parameters.Add($"t{i}", StoreText.Timestamp(chunk[i].Time));
                    parameters.Add($"p{i}", chunk[i].Payload);
                }
                sql.Append(" ON CONFLICT (event_id) DO NOTHING;");
                added += await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
            }
            return added;
        }, cancellationToken);
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
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM metrics_outbox GROUP BY state;", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.State, r => r.Count, StringComparer.Ordinal);
        return new MetricsOutboxCounts(rows.GetValueOrDefault(Pending), rows.GetValueOrDefault(Delivered), rows.GetValueOrDefault(DeadLettered));
    }

    private async Task<IReadOnlyList<MetricsOutboxEntry>> ListAsync(string state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM metrics_outbox WHERE state = @state ORDER BY id LIMIT @limit;",
            new { state, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    private Task UpdateAsync(string set, IReadOnlyList<long> ids, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return Task.CompletedTask;
        return WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE metrics_outbox SET {set} WHERE id IN @ids;",
            new { ids, text, now = StoreText.Timestamp(_time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _connections.WriteAsync(_writeGate, work, null, cancellationToken);

    private sealed class Row
    {
        public long Id { get; init; }
        public string EventId { get; init; } = "";
        public string Sourcetype { get; init; } = "";
        public string Time { get; init; } = "";
        public string Payload { get; init; } = "";
        public string State { get; init; } = "";
        public long Attempts { get; init; }
        public string? LastError { get; init; }

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
            Attempts = (int)Attempts,
            LastError = LastError,
        };
    }
}
