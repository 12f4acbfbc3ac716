using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

public sealed partial class SqliteAuditLog
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The records to be pruned do not verify: pruning them would erase the evidence.</exception>
    public async Task<AuditPruneResult> PruneAsync(DateTimeOffset olderThan, string signedOffBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signedOffBy);
        signedOffBy = AuditCanonicalEncoding.CanonicalText(signedOffBy);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            var cutoff = AuditCanonicalEncoding.FormatTimestamp(olderThan);
            var through = PruneBoundary(connection, transaction, cutoff);
            if (through is null) return new AuditPruneResult(0, null, null);

            // Only records that verify may go: afterwards nothing could show that they had been tampered with.
            var check = Verify(connection, transaction, through.Value, null, cancellationToken);
            if (!check.IsIntact)
                throw new InvalidOperationException($"Refusing to prune through record {through}: the chain does not verify ({check.Problem}).");

            using var tail = TailCommand(connection);
            tail.Transaction = transaction;
            var position = AuditHeadRow.Position(connection, transaction, ReadTail(tail));
            var lastPrunedHash = StoredHash(connection, transaction, through.Value);
            var count = Scalar<long>(connection, transaction, "SELECT COUNT(*) FROM audit_records WHERE sequence <= $s;", through.Value);
            var previousAnchor = LatestAnchorHash(connection, transaction);
            var now = AuditCanonicalEncoding.ToCanonical(_time.GetUtcNow());

            var anchor = new AuditAnchor(through.Value, lastPrunedHash, count, now, signedOffBy, previousAnchor, position.LastSequence + 1, "");
            anchor = anchor with { AnchorHash = AuditCanonicalEncoding.ComputeAnchorHash(anchor) };
            Delete(connection, transaction, through.Value);
            InsertAnchor(connection, transaction, anchor);
            using var insert = InsertCommand(connection, transaction);
            var record = Insert(insert, anchor.RecordSequence, now, AuditChainRules.PrunedEntry(anchor, cutoff), position.PreviousHash);
            // The head moves to the audit_pruned record; the count loses the pruned records and gains that one.
            AuditHeadRow.Write(connection, transaction, new AuditHead(record.Sequence, record.Hash, position.RecordCount - count + 1));
            transaction.Commit();
            return new AuditPruneResult(count, anchor, record);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The last sequence of the leading run of records older than the cutoff; null when the first record is not.
    /// Stopping at the first younger record keeps what remains contiguous even if clocks once went backwards.</summary>
    private static long? PruneBoundary(SqliteConnection connection, SqliteTransaction transaction, string cutoff)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT (SELECT MIN(sequence) FROM audit_records),
                   (SELECT MIN(sequence) FROM audit_records WHERE timestamp >= $cutoff),
                   (SELECT MAX(sequence) FROM audit_records);
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff);
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.IsDBNull(0)) return null;
        var first = reader.GetInt64(0);
        var through = reader.IsDBNull(1) ? reader.GetInt64(2) : reader.GetInt64(1) - 1;
        return through >= first ? through : null;
    }

    private static T Scalar<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, long sequence)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", sequence);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static string StoredHash(SqliteConnection connection, SqliteTransaction transaction, long sequence)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash FROM audit_records WHERE sequence = $s;";
        command.Parameters.AddWithValue("$s", sequence);
        using var reader = command.ExecuteReader();
        reader.Read();
        return AuditRow.Hash(reader, 0);
    }

    private static string LatestAnchorHash(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT anchor_hash FROM audit_anchors ORDER BY anchor_id DESC LIMIT 1;";
        return command.ExecuteScalar() as string ?? AuditCanonicalEncoding.GenesisHash;
    }

    private static void Delete(SqliteConnection connection, SqliteTransaction transaction, long through)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM audit_records WHERE sequence <= $through;";
        command.Parameters.AddWithValue("$through", through);
        command.ExecuteNonQuery();
    }

    private static void InsertAnchor(SqliteConnection connection, SqliteTransaction transaction, AuditAnchor anchor)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO audit_anchors (pruned_through_sequence, last_pruned_hash, count, pruned_at, signed_off_by, previous_anchor_hash, record_sequence, anchor_hash)
            VALUES ($through, $last, $count, $at, CAST($by AS TEXT), $previous, $record, $hash);
            """;
        command.Parameters.AddWithValue("$through", anchor.PrunedThroughSequence);
        command.Parameters.AddWithValue("$last", anchor.LastPrunedHash);
        command.Parameters.AddWithValue("$count", anchor.Count);
        command.Parameters.AddWithValue("$at", AuditCanonicalEncoding.FormatTimestamp(anchor.PrunedAt));
        command.Parameters.AddWithValue("$by", SqliteExactText.Value(anchor.SignedOffBy));
        command.Parameters.AddWithValue("$previous", anchor.PreviousAnchorHash);
        command.Parameters.AddWithValue("$record", anchor.RecordSequence);
        command.Parameters.AddWithValue("$hash", anchor.AnchorHash);
        command.ExecuteNonQuery();
    }
}
