using AgenticIR.Storage.Shared.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

/// <summary>The <c>audit_records</c> columns in one fixed order, shared by every query and the row mapping.</summary>
internal static class AuditRow
{
    public const string Columns =
        "sequence, timestamp, agent_name, action_type, target, justification, approval_status, approver_identity, " +
        "outcome, evidence_hash, investigation_id, details, previous_hash, hash";

    /// <summary>The current row as stored.</summary>
    public static StoredAuditRow Stored(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.GetString(11), Hash(reader, 12), Hash(reader, 13));

    /// <summary>A hash column: 32 bytes since migration 0031 (<see cref="AuditHashColumn"/>).</summary>
    public static string Hash(SqliteDataReader reader, int ordinal) => AuditHashColumn.Text(reader.GetFieldValue<byte[]>(ordinal));

    /// <summary>The current row as a record, or an error naming it.</summary>
    public static AgenticIR.Core.Audit.AuditRecord Read(SqliteDataReader reader) => Stored(reader).Read();
}
