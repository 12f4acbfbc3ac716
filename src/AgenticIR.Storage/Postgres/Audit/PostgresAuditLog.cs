using System.Collections.Concurrent;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Shared.Audit;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Audit;

/// <summary>The hash-chained audit trail on PostgreSQL (table <c>audit_records</c>). The store computes every hash itself
/// from the fields it writes. Every worker on the database appends to the one chain: a batch takes the chain's
/// transaction-scoped advisory lock, reads the anchored head, writes its records after it and moves the head, all in one
/// transaction, so two processes appending at once are ordered and never fork the chain. A process that wrote the head
/// last skips the reads: it sends the lock, a move of the head conditional on it still being the one it wrote, and its
/// records in one batch, and falls back to reading the head when that finds the chain moved. In this process callers queue
/// and whoever holds the gate commits everything queued in one transaction (group commit), as the SQLite log does.</summary>
internal sealed partial class PostgresAuditLog(PostgresDatabase database, TimeProvider time) : IAuditTrail, IDisposable
{
    // Large enough that concurrent appenders share commits, small enough that one transaction stays short.
    private const int MaxBatch = 512;

    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    // Under the write gate only: the head this process last wrote (null until it has written, and after a failure or a
    // pruning), and whether the chain was found still ending there the last time it looked (then the next append takes
    // the fast path, checking the head in its single round trip instead of reading the chain's end first).
    private AuditHead? _knownHead;
    private bool _headTrusted;

    /// <inheritdoc />
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        (await AppendGroupAsync([AuditChainRules.Snapshot(entry)], null, cancellationToken))[0];

    /// <summary>Appends the entries in one transaction with consecutive sequences, in the given order: all are written or none is.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return [];
        return await AppendGroupAsync([.. entries.Select(AuditChainRules.Snapshot)], null, cancellationToken);
    }

    /// <summary>Appends the entries unless <paramref name="receipt"/> is already kept (the message was audited before, by
    /// this worker or another): then nothing is written and the result is empty. The receipt is kept in the transaction of
    /// the entries.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(receipt);
        if (entries.Count == 0) return [];
        return await AppendGroupAsync([.. entries.Select(AuditChainRules.Snapshot)], receipt, cancellationToken);
    }

    /// <summary>Fails appends still queued.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _writeGate.Wait();
        while (_queue.TryDequeue(out var pending))
        {
            if (pending.TryClaim()) pending.Fail(new ObjectDisposedException(nameof(PostgresAuditLog)));
        }
        _writeGate.Release();
    }

    private async Task<AuditRecord[]> AppendGroupAsync(AuditEntry[] entries, DeliveryReceipt? receipt, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(entries, receipt);
        _queue.Enqueue(pending);
        try
        {
            await _writeGate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A writer may already have claimed it: then it will be committed, and the caller must hear about it.
            if (pending.TryCancel()) throw;
            return await pending.Task;
        }
        try
        {
            // Whoever held the gate before may have committed this entry with its own batch.
            while (!pending.Task.IsCompleted) await WriteBatchAsync();
        }
        finally
        {
            _writeGate.Release();
        }
        return await pending.Task;
    }

    private async Task WriteBatchAsync()
    {
        // A group is never split, so a batch can pass MaxBatch by its last group.
        var batch = new List<PendingAppend>();
        var count = 0;
        while (count < MaxBatch && _queue.TryDequeue(out var next))
        {
            if (!next.TryClaim()) continue;
            batch.Add(next);
            count += next.Entries.Length;
        }
        if (batch.Count == 0) return;

        PostgresAppendResult? appended = null;
        try
        {
            // Claimed entries belong to other callers too, so the write ignores any one caller's cancellation. After an
            // outage the whole transaction runs again (the head is read or checked again, so the records are chained
            // anew); if the connection broke during COMMIT, the last record's hash at its sequence tells whether it
            // landed, so a batch is never appended twice.
            if (_knownHead is { } known && _headTrusted)
            {
                appended = await database.RunAsync((connection, transaction) => AppendAfterAsync(connection, transaction, batch, known), null,
                    CancellationToken.None, static (connection, result) => LandedAsync(connection, result), keep: static result => result is not null);
            }
            appended ??= await database.RunAsync((connection, transaction) => AppendAsync(connection, transaction, batch), null, CancellationToken.None,
                static (connection, result) => LandedAsync(connection, result));
        }
#pragma warning disable CA1031 // Batch boundary: the failure belongs to every caller in the batch and reaches each through its task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _knownHead = null;
            foreach (var pending in batch) pending.Fail(ex);
            return;
        }
        // The fast path is taken next time only when nobody else moved the chain since this process last wrote it.
        _headTrusted = appended!.Optimistic || (_knownHead is { } before && appended.Found == before);
        _knownHead = appended.Head;
        for (var i = 0; i < batch.Count; i++) batch[i].Complete(appended.Written[i]);
    }

    /// <summary>The slow path: takes the chain's lock, reads where the chain ends (head, last record, latest anchor), keeps
    /// the receipts and writes the records after the end.</summary>
    private async Task<PostgresAppendResult?> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingAppend> batch)
    {
        var written = new AuditRecord[batch.Count][];
        var position = await PostgresAuditHead.LockAndLocateAsync(connection, transaction, CancellationToken.None);
        var kept = await KeepReceiptsAsync(connection, transaction, batch);
        var (sequence, previousHash) = (position.LastSequence, position.PreviousHash);
        await using var inserts = new NpgsqlBatch(connection, transaction);
        var appended = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Receipt is { } receipt && !kept.Remove((receipt.Subscriber, receipt.MessageId)))
            {
                // Audited before (the message is being delivered again): its records are already in the chain.
                written[i] = [];
                continue;
            }
            var entries = batch[i].Entries;
            var records = written[i] = new AuditRecord[entries.Length];
            for (var j = 0; j < entries.Length; j++)
            {
                records[j] = Chain(++sequence, time.GetUtcNow(), entries[j], previousHash);
                previousHash = records[j].Hash;
                inserts.BatchCommands.Add(PostgresAuditRow.Insert(records[j]));
            }
            appended += entries.Length;
        }
        // Only what was written counts: a group skipped for its receipt added nothing to the chain.
        var head = new AuditHead(sequence, previousHash, position.RecordCount + appended);
        inserts.BatchCommands.Add(PostgresAuditHead.Write(head));
        await inserts.ExecuteNonQueryAsync(CancellationToken.None);
        return new PostgresAppendResult(written, head, new AuditHead(position.LastSequence, position.PreviousHash, position.RecordCount), Optimistic: false);
    }

    /// <summary>The fast path, for a process that wrote the chain's head last: one round trip takes the chain's lock, moves
    /// the head on only if it is still <paramref name="known"/>, keeps the receipts and inserts the records after it. When
    /// the head moved (another worker appended, or pruned), a receipt was kept already, or a record's sequence is taken,
    /// the result is null and the transaction is rolled back, for the slow path to do it again.</summary>
    private async Task<PostgresAppendResult?> AppendAfterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingAppend> batch, AuditHead known)
    {
        var written = new AuditRecord[batch.Count][];
        var (sequence, previousHash) = (known.Sequence, known.Hash);
        var records = new List<AuditRecord>();
        for (var i = 0; i < batch.Count; i++)
        {
            var entries = batch[i].Entries;
            var group = written[i] = new AuditRecord[entries.Length];
            for (var j = 0; j < entries.Length; j++)
            {
                group[j] = Chain(++sequence, time.GetUtcNow(), entries[j], previousHash);
                previousHash = group[j].Hash;
                records.Add(group[j]);
            }
        }
        var head = new AuditHead(sequence, previousHash, known.RecordCount + records.Count);
        await using var write = new NpgsqlBatch(connection, transaction);
        write.BatchCommands.Add(PostgresAuditHead.Lock());
        var moved = PostgresAuditHead.MoveIf(known, head);
        write.BatchCommands.Add(moved);
        var receipts = batch.Where(p => p.Receipt is not null).Select(p => p.Receipt!).ToList();
        var keep = receipts.Count > 0 ? KeepReceipts(receipts, time) : null;
        if (keep is not null) write.BatchCommands.Add(keep);
        foreach (var record in records) write.BatchCommands.Add(PostgresAuditRow.Insert(record));
        try
        {
            await write.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (PostgresException ex) when (PostgresErrors.IsDuplicateKey(ex))
        {
            // A record's sequence is taken: the chain moved on without its head row (changed outside the log).
            return null;
        }
        if (moved.RecordsAffected != 1 || (keep is not null && keep.RecordsAffected != receipts.Count)) return null;
        return new PostgresAppendResult(written, head, known, Optimistic: true);
    }

    /// <summary>Whether a batch whose COMMIT went unanswered is in the chain: its last record, by sequence and hash. A batch
    /// that appended nothing (every group audited before) wrote only receipts already kept, so running it again is harmless.</summary>
    private static async Task<bool> LandedAsync(NpgsqlConnection connection, PostgresAppendResult? appended)
    {
        if (appended?.Written.LastOrDefault(w => w.Length > 0) is not { } group) return false;
        var last = group[^1];
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM audit_records WHERE sequence = $1 AND hash = $2);", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last.Sequence });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = AuditHashColumn.Bytes(last.Hash) });
        return (bool)(await command.ExecuteScalarAsync(CancellationToken.None))!;
    }

    /// <summary>Keeps the batch's receipts; returns those kept now (a receipt kept before, or twice in the batch, is not).</summary>
    private Task<HashSet<(string, string)>> KeepReceiptsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingAppend> batch) =>
        KeepReceiptsAsync(connection, transaction, [.. batch.Where(p => p.Receipt is not null).Select(p => p.Receipt!)], time);

    /// <summary>Keeps the receipts; returns those kept now (a receipt kept before, or twice in the list, is not).</summary>
    internal static async Task<HashSet<(string, string)>> KeepReceiptsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<DeliveryReceipt> receipts, TimeProvider time)
    {
        var kept = new HashSet<(string, string)>();
        if (receipts.Count == 0) return kept;
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO delivery_receipts (subscriber, message_id, received_at)
            SELECT s, m, $3 FROM unnest($1::text[], $2::text[]) AS r (s, m)
            ON CONFLICT (subscriber, message_id) DO NOTHING
            RETURNING subscriber, message_id;
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. receipts.Select(r => r.Subscriber)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. receipts.Select(r => r.MessageId)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StoreText.Timestamp(time.GetUtcNow()) });
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None)) kept.Add((reader.GetString(0), reader.GetString(1)));
        return kept;
    }

    /// <summary>A command keeping every receipt of the batch (those kept before are left as they are).</summary>
    internal static NpgsqlBatchCommand KeepReceipts(List<DeliveryReceipt> receipts, TimeProvider time) => new(
        """
        INSERT INTO delivery_receipts (subscriber, message_id, received_at)
        SELECT s, m, $3 FROM unnest($1::text[], $2::text[]) AS r (s, m)
        ON CONFLICT (subscriber, message_id) DO NOTHING;
        """)
    {
        Parameters =
        {
            new NpgsqlParameter<string[]> { TypedValue = [.. receipts.Select(r => r.Subscriber)] },
            new NpgsqlParameter<string[]> { TypedValue = [.. receipts.Select(r => r.MessageId)] },
            new NpgsqlParameter<string> { TypedValue = StoreText.Timestamp(time.GetUtcNow()) },
        },
    };

    /// <summary>The record an entry becomes at <paramref name="sequence"/>, stored at the canonical precision so the record
    /// handed back equals the one verify will read.</summary>
    internal static AuditRecord Chain(long sequence, DateTimeOffset now, AuditEntry entry, string previousHash)
    {
        var timestamp = AuditCanonicalEncoding.ToCanonical(now);
        return new AuditRecord(sequence, timestamp, entry, previousHash, AuditCanonicalEncoding.ComputeHash(sequence, timestamp, entry, previousHash));
    }
}
