using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Audit;

/// <summary>The chain's lock and its two ends: the anchored head (<c>audit_head</c>, moved in the transaction of every
/// append and pruning) and the stored end (the last record, or the latest anchor after a pruning left none).</summary>
internal static class PostgresAuditHead
{
    /// <summary>Takes the chain's advisory lock for the transaction and returns where the next record goes (one round trip).</summary>
    public static async Task<AppendPosition> LockAndLocateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { Lock() },
        };
        AddReads(batch);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await LocateAsync(connection, transaction, reader, cancellationToken);
    }

    /// <summary>The anchored head, or (when its row is missing) the stored end, without locking (verification and export).</summary>
    public static async Task<AuditHead> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        AddReads(batch);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var position = await LocateAsync(connection, transaction, reader, cancellationToken);
        return new AuditHead(position.LastSequence, position.PreviousHash, position.RecordCount);
    }

    /// <summary>The anchored head row alone, or null when it is missing.</summary>
    public static async Task<AuditHead?> ReadRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT head_sequence, head_hash, record_count FROM audit_head WHERE id = 1;", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new AuditHead(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    /// <summary>A command taking the chain's advisory lock for the transaction, for a batch.</summary>
    public static NpgsqlBatchCommand Lock() =>
        new("SELECT pg_advisory_xact_lock($1);") { Parameters = { new NpgsqlParameter<long> { TypedValue = PostgresLocks.AuditChain } } };

    /// <summary>A command moving the head from <paramref name="expected"/> to <paramref name="next"/>, only if it is still
    /// <paramref name="expected"/>: it changes one row, or none when the chain moved meanwhile (or its head row is missing).</summary>
    public static NpgsqlBatchCommand MoveIf(AuditHead expected, AuditHead next)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(next);
        return new NpgsqlBatchCommand(
            """
            UPDATE audit_head SET head_sequence = $1, head_hash = $2, record_count = $3
            WHERE id = 1 AND head_sequence = $4 AND head_hash = $5 AND record_count = $6;
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<long> { TypedValue = next.Sequence },
                new NpgsqlParameter<string> { TypedValue = next.Hash },
                new NpgsqlParameter<long> { TypedValue = next.RecordCount },
                new NpgsqlParameter<long> { TypedValue = expected.Sequence },
                new NpgsqlParameter<string> { TypedValue = expected.Hash },
                new NpgsqlParameter<long> { TypedValue = expected.RecordCount },
            },
        };
    }

    /// <summary>A command moving the head, for the batch that appends.</summary>
    public static NpgsqlBatchCommand Write(AuditHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new NpgsqlBatchCommand(
            """
            INSERT INTO audit_head (id, head_sequence, head_hash, record_count) VALUES (1, $1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET head_sequence = excluded.head_sequence, head_hash = excluded.head_hash, record_count = excluded.record_count;
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<long> { TypedValue = head.Sequence },
                new NpgsqlParameter<string> { TypedValue = head.Hash },
                new NpgsqlParameter<long> { TypedValue = head.RecordCount },
            },
        };
    }

    private static void AddReads(NpgsqlBatch batch)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT head_sequence, head_hash, record_count FROM audit_head WHERE id = 1;"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1;"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pruned_through_sequence, last_pruned_hash FROM audit_anchors ORDER BY anchor_id DESC LIMIT 1;"));
    }

    private static async Task<AppendPosition> LocateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlDataReader reader,
        CancellationToken cancellationToken)
    {
        AuditHead? head = await reader.ReadAsync(cancellationToken) ? new AuditHead(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
        await reader.NextResultAsync(cancellationToken);
        (long, string)? last = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), PostgresAuditRow.Hash(reader, 1)) : null;
        await reader.NextResultAsync(cancellationToken);
        (long, string)? anchor = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
        await reader.DisposeAsync();
        var storedEnd = last ?? anchor ?? (0, AuditCanonicalEncoding.GenesisHash);
        // The count is read only when the head row is missing (a store changed outside the log).
        var count = head is null ? await CountAsync(connection, transaction, cancellationToken) : 0;
        return AuditChainRules.Position(head, storedEnd, () => count);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM audit_records;", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
