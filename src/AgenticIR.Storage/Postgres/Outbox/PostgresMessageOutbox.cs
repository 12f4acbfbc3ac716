using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Outbox;

/// <summary>Delivery state of the bus messages the state store saves with each stage (table <c>bus_messages</c>). Every
/// change is conditional on the message still being pending, so when two workers both deliver a message the second
/// change finds nothing to do. Writes count as commits for <see cref="PostgresStoreOptions.AfterCommit"/>.</summary>
internal sealed class PostgresMessageOutbox(PostgresDatabase database, TimeProvider time, Action? afterCommit = null) : IMessageOutbox
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingMessage>> ListPendingAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await database.ReadAsync<IReadOnlyList<PendingMessage>>(async connection =>
        {
            // The partial index holds only pending rows, so this reads what is undelivered, never the history.
            var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(
                """
                SELECT seq AS Seq, id AS Id, type AS Type, investigation_id AS InvestigationId, summary AS Summary,
                       created_at AS CreatedAt, attempts AS Attempts, next_attempt_at AS NextAttemptAt
                FROM bus_messages
                WHERE state = 'pending' AND seq > @afterSequence
                ORDER BY seq LIMIT @limit;
                """, new { afterSequence, limit }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToPending())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0) return Task.CompletedTask;
        var now = StoreText.Timestamp(time.GetUtcNow());
        return WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bus_messages SET state = 'delivered', delivered_at = @now, next_attempt_at = NULL WHERE id = ANY(@ids) AND state = 'pending';",
            new { ids = messageIds.ToArray(), now }, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> RecordFailureAsync(string messageId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(error);
        return WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            UPDATE bus_messages SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next
            WHERE id = @messageId AND state = 'pending'
            RETURNING attempts;
            """,
            // A subscriber's exception message may quote attacker-written text: kept exactly (PostgresExactText).
            new { messageId, error = PostgresExactText.Bytes(error), next = StoreText.Timestamp(nextAttemptAt) }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
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
                UPDATE bus_messages SET state = 'dead_lettered', attempts = attempts + 1, last_error = @reason, next_attempt_at = NULL
                WHERE id = @messageId AND state = 'pending';
                """, new { messageId, reason = PostgresExactText.Bytes(deadLetter.Reason) }, transaction, cancellationToken: cancellationToken));
            // Another worker may have delivered or given it up meanwhile: then there is nothing to dead-letter.
            if (changed > 0) await PostgresStateStore.InsertDeadLetterAsync(connection, transaction, deadLetter, cancellationToken);
            return changed;
        }, cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        database.RunAsync(work, afterCommit, cancellationToken);

    private sealed class PendingRow
    {
        public long Seq { get; set; }
        public string Id { get; set; } = "";
        public string Type { get; set; } = "";
        public string InvestigationId { get; set; } = "";
        public byte[] Summary { get; set; } = [];
        public string CreatedAt { get; set; } = "";
        public int Attempts { get; set; }
        public string? NextAttemptAt { get; set; }

        public PendingMessage ToPending() => new(Seq, new BusMessage
        {
            Id = Id,
            Type = StoreText.Parse<MessageType>(Type),
            InvestigationId = InvestigationId,
            Summary = PostgresExactText.Text(Summary),
            CreatedAt = StoreText.ParseTimestamp(CreatedAt),
        }, Attempts, NextAttemptAt is null ? null : StoreText.ParseTimestamp(NextAttemptAt));
    }
}
