using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using Npgsql;
using NpgsqlTypes;

namespace AgenticIR.Storage.Postgres;

// The rows a stage writes beside the investigation (its stage event, the intake of the input, the messages announcing
// it) go to the server as one batch with the investigation's own row: one round trip however many there are.
internal sealed partial class PostgresStateStore
{
    /// <summary>Runs <paramref name="first"/> (the investigation's insert or conditional update) and the stage's rows as one
    /// batch; returns the rows <paramref name="first"/> changed.</summary>
    private static async Task<int> WriteStageRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBatchCommand? first,
        string investigationId, long version, InvestigationStage stage, DateTimeOffset at, IntakeRecord? intake, IReadOnlyList<BusMessage> messages,
        CancellationToken cancellationToken)
    {
        await using var batch = StageRows(connection, transaction, first is null ? [] : [first], investigationId, version, stage, at, intake, messages);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return first?.RecordsAffected ?? 0;
    }

    /// <summary>A batch of <paramref name="leading"/> followed by the stage's rows.</summary>
    private static NpgsqlBatch StageRows(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<NpgsqlBatchCommand> leading,
        string investigationId, long version, InvestigationStage stage, DateTimeOffset at, IntakeRecord? intake, IReadOnlyList<BusMessage> messages)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in leading) batch.BatchCommands.Add(command);
        batch.BatchCommands.Add(Command(
            "INSERT INTO stage_events (investigation_id, version, stage, at) VALUES ($1, $2, $3, $4);",
            Text(investigationId), new NpgsqlParameter<long> { TypedValue = version }, Text(StoreText.Stage(stage)), Text(StoreText.Timestamp(at))));
        if (intake is not null)
        {
            batch.BatchCommands.Add(Command(
                $"INSERT INTO intake ({IntakeColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7);",
                Text(intake.InputKey), Text(StoreText.Name(intake.Status)), Text(intake.InvestigationId), Bytes(intake.AlertId), Text(intake.Format),
                Bytes(intake.Reason), Text(StoreText.Timestamp(intake.RecordedAt))));
        }
        foreach (var message in messages)
        {
            // A message nobody subscribes to has nothing to wait for: it is history from the start.
            var delivered = message.Unsubscribed;
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO bus_messages (id, type, investigation_id, summary, created_at, state, delivered_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (id) DO NOTHING;
                """,
                Text(message.Id), Text(StoreText.MessageType(message.Type)), Text(message.InvestigationId), Bytes(message.Summary),
                Text(StoreText.Timestamp(message.CreatedAt)), Text(delivered ? "delivered" : "pending"),
                Text(delivered ? StoreText.Timestamp(message.CreatedAt) : null)));
        }
        return batch;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Blob(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = value };

    private static NpgsqlParameter Bytes(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)PostgresExactText.Bytes(value) ?? DBNull.Value };
}
