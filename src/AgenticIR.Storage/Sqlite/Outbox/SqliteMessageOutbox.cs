using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Outbox;

/// <summary>Delivery state of the bus messages the state store saves with each stage (table <c>bus_messages</c>,
/// migration 0011). Writes take the file's write gate and count as commits for <see cref="SqliteStoreOptions.AfterCommit"/>.
/// The state store must have been initialized on the same file first (it applies the migrations).</summary>
public sealed class SqliteMessageOutbox : IMessageOutbox
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate;
    private readonly Action? _afterCommit;

    /// <summary>Creates the outbox over <see cref="SqliteStoreOptions.Path"/>.</summary>
    public SqliteMessageOutbox(SqliteStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _connections = new SqliteConnectionFactory(options);
        _time = time;
        _writeGate = SqliteWriteGates.For(_connections.FilePath);
        _afterCommit = options.AfterCommit;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingMessage>> ListPendingAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // The partial index holds only pending rows, so this reads what is undelivered, never the history.
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(
            """
            SELECT seq AS Seq, id AS Id, type AS Type, investigation_id AS InvestigationId, summary AS Summary,
                   created_at AS CreatedAt, attempts AS Attempts, next_attempt_at AS NextAttemptAt
            FROM bus_messages INDEXED BY ix_bus_messages_pending
            WHERE state = 'pending' AND seq > @afterSequence
            ORDER BY seq LIMIT @limit;
            """, new { afterSequence, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPending())];
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0) return Task.CompletedTask;
        var now = StoreText.Timestamp(_time.GetUtcNow());
        return WriteAsync(async (connection, transaction) =>
        {
            foreach (var chunk in messageIds.Chunk(500))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE bus_messages SET state = 'delivered', delivered_at = @now, next_attempt_at = NULL WHERE id IN @ids AND state = 'pending';",
                    new { ids = chunk, now }, transaction, cancellationToken: cancellationToken));
            }
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> RecordFailureAsync(string messageId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(error);
        return WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            UPDATE bus_messages SET attempts = attempts + 1, last_error = CAST(@error AS TEXT), next_attempt_at = @next
            WHERE id = @messageId AND state = 'pending'
            RETURNING attempts;
            """,
            // A subscriber's exception message may quote attacker-written text: kept whole (SqliteExactText).
            new { messageId, error = SqliteExactText.Value(error), next = StoreText.Timestamp(nextAttemptAt) }, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeadLetterAsync(string messageId, DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(deadLetter);
        return WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE bus_messages SET state = 'dead_lettered', attempts = attempts + 1, last_error = CAST(@reason AS TEXT), next_attempt_at = NULL
                WHERE id = @messageId AND state = 'pending';
                """, new { messageId, reason = SqliteExactText.Value(deadLetter.Reason) }, transaction, cancellationToken: cancellationToken));
            // Another process may have delivered or given it up meanwhile: then there is nothing to dead-letter.
            if (changed > 0) await SqliteStateStore.InsertDeadLetterAsync(connection, transaction, deadLetter, cancellationToken);
            return changed;
        }, cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _connections.WriteAsync(_writeGate, work, _afterCommit, cancellationToken);

    private sealed class PendingRow
    {
        public long Seq { get; set; }
        public string Id { get; set; } = "";
        public string Type { get; set; } = "";
        public string InvestigationId { get; set; } = "";
        public string Summary { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public long Attempts { get; set; }
        public string? NextAttemptAt { get; set; }

        public PendingMessage ToPending() => new(Seq, new BusMessage
        {
            Id = Id,
            Type = StoreText.Parse<MessageType>(Type),
            InvestigationId = InvestigationId,
            Summary = Summary,
            CreatedAt = StoreText.ParseTimestamp(CreatedAt),
        }, (int)Attempts, NextAttemptAt is null ? null : StoreText.ParseTimestamp(NextAttemptAt));
    }
}
