using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

/// <summary>The one <c>audit_head</c> row (migration 0010): read by verification and export, rewritten in the transaction of
/// every append and pruning.</summary>
internal static class AuditHeadRow
{
    public static AuditHead? Read(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT head_sequence, head_hash, record_count FROM audit_head WHERE id = 1;";
        using var reader = command.ExecuteReader();
        // Read like a record's hash: migration 0010 copies head_hash from the last record, which may be stored as bytes (0031).
        return reader.Read() ? new AuditHead(reader.GetInt64(0), AuditRow.Hash(reader, 1), reader.GetInt64(2)) : null;
    }

    public static void Write(SqliteConnection connection, SqliteTransaction transaction, AuditHead head)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO audit_head (id, head_sequence, head_hash, record_count) VALUES (1, $sequence, $hash, $count)
            ON CONFLICT (id) DO UPDATE SET head_sequence = excluded.head_sequence, head_hash = excluded.head_hash, record_count = excluded.record_count;
            """;
        command.Parameters.AddWithValue("$sequence", head.Sequence);
        command.Parameters.AddWithValue("$hash", head.Hash);
        command.Parameters.AddWithValue("$count", head.RecordCount);
        command.ExecuteNonQuery();
    }

    /// <summary>Where the next record goes (<see cref="AuditChainRules.Position"/>).</summary>
    public static AppendPosition Position(SqliteConnection connection, SqliteTransaction transaction, (long Sequence, string Hash) storedEnd) =>
        AuditChainRules.Position(Read(connection, transaction), storedEnd, () =>
        {
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*) FROM audit_records;";
            return (long)count.ExecuteScalar()!;
        });
}
