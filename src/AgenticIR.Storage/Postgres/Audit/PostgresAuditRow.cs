using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
using Npgsql;
using NpgsqlTypes;

namespace AgenticIR.Storage.Postgres.Audit;

/// <summary>The <c>audit_records</c> columns in one fixed order, their mapping from a reader and the insert of one record.
/// The entry's fields are bytea holding their exact UTF-8 (<see cref="PostgresExactText"/>).</summary>
internal static class PostgresAuditRow
{
    public const string Columns =
        "sequence, timestamp, agent_name, action_type, target, justification, approval_status, approver_identity, " +
        "outcome, evidence_hash, investigation_id, details, previous_hash, hash";

    /// <summary>The current row as stored.</summary>
    public static StoredAuditRow Stored(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
        Text(reader, 7), Text(reader, 8), Text(reader, 9), reader.IsDBNull(10) ? null : Text(reader, 10), Text(reader, 11),
        Hash(reader, 12), Hash(reader, 13));

    /// <summary>A hash column: bytea of 32 bytes since migration 0031 (<see cref="AuditHashColumn"/>).</summary>
    public static string Hash(NpgsqlDataReader reader, int ordinal) => AuditHashColumn.Text(reader.GetFieldValue<byte[]>(ordinal));

    /// <summary>A command inserting one record, for a batch.</summary>
    public static NpgsqlBatchCommand Insert(AuditRecord record)
    {
        var entry = record.Entry;
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO audit_records ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);");
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<long> { TypedValue = record.Sequence });
        p.Add(new NpgsqlParameter<string> { TypedValue = AuditCanonicalEncoding.FormatTimestamp(record.Timestamp) });
        foreach (var text in new[]
                 {
                     entry.AgentName, entry.ActionType, entry.Target, entry.Justification, entry.ApprovalStatus, entry.ApproverIdentity,
                     entry.Outcome, entry.EvidenceHash, entry.InvestigationId, AuditDetailsJson.Write(entry.Details),
                 })
        {
            // Attacker-controlled text may hold NULs: kept as its exact bytes.
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)PostgresExactText.Bytes(text) ?? DBNull.Value });
        }
        p.Add(new NpgsqlParameter<byte[]> { TypedValue = AuditHashColumn.Bytes(record.PreviousHash) });
        p.Add(new NpgsqlParameter<byte[]> { TypedValue = AuditHashColumn.Bytes(record.Hash) });
        return command;
    }

    private static string Text(NpgsqlDataReader reader, int ordinal) => PostgresExactText.Text(reader.GetFieldValue<byte[]>(ordinal));
}
