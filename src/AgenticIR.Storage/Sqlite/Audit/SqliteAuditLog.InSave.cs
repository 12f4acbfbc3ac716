using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Shared.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

public sealed partial class SqliteAuditLog
{
    /// <summary>The records of <paramref name="audits"/> as they will be stored (validated and canonical), taken before the
    /// write gate so the transaction holding it does no more than write.</summary>
    internal static AuditEntry[][] Snapshots(IReadOnlyList<AnnouncementAudit> audits)
    {
        var groups = new AuditEntry[audits.Count][];
        for (var i = 0; i < groups.Length; i++) groups[i] = [.. audits[i].Entries.Select(AuditChainRules.Snapshot)];
        return groups;
    }

    /// <summary>Appends the records of a stage's messages in the state store's transaction on this file (which holds the
    /// file's write gate, as this log's own batches do): after the chain's end read in that transaction, each group with its
    /// receipt, and the anchored head moved, so the records commit or roll back with the stage. A group with no entries, or
    /// whose receipt is kept already, adds nothing.</summary>
    internal void AppendInTransaction(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AnnouncementAudit> audits,
        AuditEntry[][] snapshots)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(audits);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.All(g => g.Length == 0)) return;
        using var tail = TailCommand(connection);
        tail.Transaction = transaction;
        var position = AuditHeadRow.Position(connection, transaction, ReadTail(tail));
        var (sequence, previousHash) = (position.LastSequence, position.PreviousHash);
        using var insert = InsertCommand(connection, transaction);
        using var receipt = connection.CreateCommand();
        receipt.Transaction = transaction;
        receipt.CommandText = "INSERT OR IGNORE INTO delivery_receipts (subscriber, message_id, received_at) VALUES ($subscriber, $message, $at);";
        var appended = 0;
        for (var i = 0; i < snapshots.Length; i++)
        {
            var entries = snapshots[i];
            if (entries.Length == 0) continue;
            receipt.Parameters.Clear();
            receipt.Parameters.AddWithValue("$subscriber", audits[i].Receipt.Subscriber);
            receipt.Parameters.AddWithValue("$message", audits[i].Receipt.MessageId);
            receipt.Parameters.AddWithValue("$at", StoreText.Timestamp(_time.GetUtcNow()));
            // Audited before: its records are already in the chain.
            if (receipt.ExecuteNonQuery() == 0) continue;
            foreach (var entry in entries)
            {
                previousHash = Insert(insert, ++sequence, _time.GetUtcNow(), entry, previousHash).Hash;
                appended++;
            }
        }
        if (appended > 0) AuditHeadRow.Write(connection, transaction, new AuditHead(sequence, previousHash, position.RecordCount + appended));
    }
}
