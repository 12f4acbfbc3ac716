using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    private const string IntakeColumns = "input_key, status, investigation_id, alert_id, format, reason, recorded_at";

    /// <inheritdoc />
    public Task<IntakeRecord?> GetIntakeAsync(string inputKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputKey);
        return ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<IntakeRow>(new CommandDefinition(
                """
                SELECT input_key AS InputKey, status AS Status, investigation_id AS InvestigationId, alert_id AS AlertId,
                       format AS Format, reason AS Reason, recorded_at AS RecordedAt
                FROM intake WHERE input_key = @inputKey;
                """, new { inputKey }, cancellationToken: cancellationToken));
            return row?.ToIntakeRecord();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordDeadLetterAsync(IntakeRecord intake, DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(deadLetter);
        return WriteAsync(async (connection, transaction) =>
        {
            // First outcome wins, across workers too: a second writer of the key waits on the first one's row, then inserts
            // nothing. Both rows commit together, so a crash between them cannot leave a letter without its row.
            var recorded = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO intake ({IntakeColumns})
                VALUES (@InputKey, @Status, @InvestigationId, @AlertId, @Format, @Reason, @RecordedAt)
                ON CONFLICT (input_key) DO NOTHING;
                """, IntakeArgs(intake), transaction, cancellationToken: cancellationToken));
            if (recorded == 0) return false;
            await InsertDeadLetterAsync(connection, transaction, deadLetter, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return WriteAsync((connection, transaction) => InsertDeadLetterAsync(connection, transaction, deadLetter, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> AddDeadLetterAsync(DeadLetter deadLetter, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(async (connection, transaction) =>
        {
            var id = await InsertDeadLetterAsync(connection, transaction, deadLetter, cancellationToken);
            foreach (var message in messages) await InsertMessageAsync(connection, transaction, message, cancellationToken);
            return id;
        }, cancellationToken);
    }

    internal static Task<long> InsertDeadLetterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        var args = new
        {
            // Attacker-written text, kept exactly (PostgresExactText).
            Source = PostgresExactText.Bytes(deadLetter.Source),
            Reason = PostgresExactText.Bytes(deadLetter.Reason),
            Payload = PostgresExactText.Bytes(DeadLetterPayload.Bound(deadLetter.Payload)),
            PayloadSha256 = DeadLetterPayload.HashOf(deadLetter.Payload, deadLetter.PayloadSha256),
            CreatedAt = StoreText.Timestamp(deadLetter.CreatedAt),
        };
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO dead_letters (source, reason, payload, payload_sha256, created_at)
            VALUES (@Source, @Reason, @Payload, @PayloadSha256, @CreatedAt)
            RETURNING id;
            """, args, transaction, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<DeadLetter>>(async connection =>
        {
            var rows = await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(
                """
                SELECT id AS Id, source AS Source, reason AS Reason, payload AS Payload, payload_sha256 AS PayloadSha256,
                       created_at AS CreatedAt
                FROM dead_letters ORDER BY created_at DESC, id DESC LIMIT @limit;
                """, new { limit }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToDeadLetter()).ToList();
        }, cancellationToken);
    }

    private static object IntakeArgs(IntakeRecord intake) => new
    {
        intake.InputKey,
        Status = StoreText.Name(intake.Status),
        intake.InvestigationId,
        AlertId = PostgresExactText.Bytes(intake.AlertId),
        intake.Format,
        Reason = PostgresExactText.Bytes(intake.Reason),
        RecordedAt = StoreText.Timestamp(intake.RecordedAt),
    };
}
