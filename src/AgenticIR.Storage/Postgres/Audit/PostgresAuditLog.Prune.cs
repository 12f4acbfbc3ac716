using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Audit;

internal sealed partial class PostgresAuditLog
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The records to be pruned do not verify: pruning them would erase the evidence.</exception>
    public async Task<AuditPruneResult> PruneAsync(DateTimeOffset olderThan, string signedOffBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signedOffBy);
        signedOffBy = AuditCanonicalEncoding.CanonicalText(signedOffBy);
        await _writeGate.WaitAsync(cancellationToken);
        // The pruning moves the head: the next append reads it again.
        _knownHead = null;
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The chain's lock first: no worker appends between the check of what is pruned and the anchor after it.
            var position = await PostgresAuditHead.LockAndLocateAsync(connection, transaction, cancellationToken);
            var cutoff = AuditCanonicalEncoding.FormatTimestamp(olderThan);
            var boundary = await PruneBoundaryAsync(connection, transaction, cutoff, cancellationToken);
            if (boundary is not { } through) return new AuditPruneResult(0, null, null);

            // Only records that verify may go: afterwards nothing could show that they had been tampered with.
            var check = await VerifyAsync(connection, transaction, through, null, null, cancellationToken);
            if (!check.IsIntact)
                throw new InvalidOperationException($"Refusing to prune through record {through}: the chain does not verify ({check.Problem}).");

            await using var facts = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT hash FROM audit_records WHERE sequence = $1;") { Parameters = { new NpgsqlParameter<long> { TypedValue = through } } },
                    new NpgsqlBatchCommand("SELECT COUNT(*) FROM audit_records WHERE sequence <= $1;") { Parameters = { new NpgsqlParameter<long> { TypedValue = through } } },
                    new NpgsqlBatchCommand("SELECT anchor_hash FROM audit_anchors ORDER BY anchor_id DESC LIMIT 1;"),
                },
            };
            string lastPrunedHash, previousAnchor;
            long count;
            await using (var reader = await facts.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                lastPrunedHash = PostgresAuditRow.Hash(reader, 0);
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                count = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken);
                previousAnchor = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : AuditCanonicalEncoding.GenesisHash;
            }
            var now = AuditCanonicalEncoding.ToCanonical(time.GetUtcNow());
            var anchor = new AuditAnchor(through, lastPrunedHash, count, now, signedOffBy, previousAnchor, position.LastSequence + 1, "");
            anchor = anchor with { AnchorHash = AuditCanonicalEncoding.ComputeAnchorHash(anchor) };
            var record = Chain(anchor.RecordSequence, now, AuditChainRules.PrunedEntry(anchor, cutoff), position.PreviousHash);

            await using var changes = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("DELETE FROM audit_records WHERE sequence <= $1;") { Parameters = { new NpgsqlParameter<long> { TypedValue = through } } },
                    InsertAnchor(anchor),
                    PostgresAuditRow.Insert(record),
                    // The head moves to the audit_pruned record; the count loses the pruned records and gains that one.
                    PostgresAuditHead.Write(new AuditHead(record.Sequence, record.Hash, position.RecordCount - count + 1)),
                },
            };
            await changes.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
            return new AuditPruneResult(count, anchor, record);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The last sequence of the leading run of records older than the cutoff; null when the first record is not.
    /// Stopping at the first younger record keeps what remains contiguous even if clocks once went backwards.</summary>
    private static async Task<long?> PruneBoundaryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT MIN(sequence) FROM audit_records),
                   (SELECT MIN(sequence) FROM audit_records WHERE timestamp >= $1),
                   (SELECT MAX(sequence) FROM audit_records);
            """, connection, transaction)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = cutoff } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(0)) return null;
        var first = reader.GetInt64(0);
        var through = reader.IsDBNull(1) ? reader.GetInt64(2) : reader.GetInt64(1) - 1;
        return through >= first ? through : null;
    }

    private static NpgsqlBatchCommand InsertAnchor(AuditAnchor anchor) => new(
        """
        INSERT INTO audit_anchors (pruned_through_sequence, last_pruned_hash, count, pruned_at, signed_off_by, previous_anchor_hash, record_sequence, anchor_hash)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
        """)
    {
        Parameters =
        {
            new NpgsqlParameter<long> { TypedValue = anchor.PrunedThroughSequence },
            new NpgsqlParameter<string> { TypedValue = anchor.LastPrunedHash },
            new NpgsqlParameter<long> { TypedValue = anchor.Count },
            new NpgsqlParameter<string> { TypedValue = AuditCanonicalEncoding.FormatTimestamp(anchor.PrunedAt) },
            new NpgsqlParameter<byte[]> { TypedValue = PostgresExactText.Bytes(anchor.SignedOffBy) },
            new NpgsqlParameter<string> { TypedValue = anchor.PreviousAnchorHash },
            new NpgsqlParameter<long> { TypedValue = anchor.RecordSequence },
            new NpgsqlParameter<string> { TypedValue = anchor.AnchorHash },
        },
    };
}
