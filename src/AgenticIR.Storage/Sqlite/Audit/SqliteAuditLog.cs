using System.Collections.Concurrent;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Shared.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

/// <summary>The hash-chained audit trail in the embedded SQLite file (table <c>audit_records</c>, migration 0002). The store
/// computes every hash itself from the fields it writes, so verification never trusts a caller. Appends are serialized:
/// in this process callers queue and whoever holds the write gate commits everything queued in one BEGIN IMMEDIATE
/// transaction (group commit), so the callers behind it mostly find their entry already written. A batch
/// (<see cref="AppendBatchAsync(IReadOnlyList{AuditEntry}, CancellationToken)"/>) is queued as one unit: its entries get consecutive sequences in one commit. Across processes
/// BEGIN IMMEDIATE orders writers and the chain tail is read inside it. Each commit also moves the anchored head
/// (<c>audit_head</c>) so verification can tell a truncated end. The state store must have been initialized on the same file first (it applies the migrations).</summary>
public sealed partial class SqliteAuditLog : IAuditTrail, IDisposable
{
    // Large enough that concurrent appenders share commits, small enough that one transaction stays short.
    private const int MaxBatch = 512;

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    // The file's gate shared with the other stores of this process (SqliteWriteGates); a private one only where a test
    // stands in for a second process.
    private readonly SemaphoreSlim _writeGate;

    // Held under the write gate only: one open connection with its statements prepared once, not per batch.
    private SqliteConnection? _writer;
    private SqliteCommand? _insert;
    private SqliteCommand? _tail;
    private SqliteCommand? _receipt;
    private int _disposed;

    /// <summary>Creates the log over <see cref="SqliteStoreOptions.Path"/>.</summary>
    public SqliteAuditLog(SqliteStoreOptions options, TimeProvider time)
        : this(options, time, ownWriteGate: false)
    {
    }

    /// <summary>Creates the log; with <paramref name="ownWriteGate"/> it behaves like a log in another process (tests).</summary>
    internal SqliteAuditLog(SqliteStoreOptions options, TimeProvider time, bool ownWriteGate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _connections = new SqliteConnectionFactory(options);
        _time = time;
        _writeGate = ownWriteGate ? new SemaphoreSlim(1, 1) : SqliteWriteGates.For(_connections.FilePath);
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath => _connections.FilePath;

    /// <inheritdoc />
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        (await AppendGroupAsync([Snapshot(entry)], cancellationToken))[0];

    /// <summary>Appends the entries in one transaction with consecutive sequences, in the given order: all are written or
    /// none is. One call costs one commit however many entries it carries.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return [];
        var group = new AuditEntry[entries.Count];
        for (var i = 0; i < group.Length; i++) group[i] = Snapshot(entries[i]);
        return await AppendGroupAsync(group, cancellationToken);
    }

    /// <summary>Appends the entries like <see cref="AppendBatchAsync(IReadOnlyList{AuditEntry}, CancellationToken)"/> unless
    /// <paramref name="receipt"/> is already kept (the message was audited before a crash): then nothing is written and the
    /// result is empty. The receipt is kept in the transaction of the entries, so the two cannot part.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(receipt);
        if (entries.Count == 0) return [];
        var group = new AuditEntry[entries.Count];
        for (var i = 0; i < group.Length; i++) group[i] = Snapshot(entries[i]);
        return await AppendGroupAsync(group, cancellationToken, receipt);
    }

    private async Task<AuditRecord[]> AppendGroupAsync(AuditEntry[] entries, CancellationToken cancellationToken, DeliveryReceipt? receipt = null)
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

    private static AuditEntry Snapshot(AuditEntry entry) => AuditChainRules.Snapshot(entry);

    /// <summary>Closes the writer connection; appends still queued fail.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _writeGate.Wait();
        CloseWriter();
        while (_queue.TryDequeue(out var pending))
        {
            if (pending.TryClaim()) pending.Fail(new ObjectDisposedException(nameof(SqliteAuditLog)));
        }
        _writeGate.Release();
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

        var written = new AuditRecord[batch.Count][];
        try
        {
            // Claimed entries belong to other callers too, so the write ignores any one caller's cancellation.
            _writer ??= await _connections.OpenAsync(CancellationToken.None);
            using var transaction = _writer.BeginTransaction(deferred: false);
            _tail ??= TailCommand(_writer);
            _tail.Transaction = transaction;
            var position = AuditHeadRow.Position(_writer, transaction, ReadTail(_tail));
            var (sequence, previousHash) = (position.LastSequence, position.PreviousHash);
            _insert ??= InsertCommand(_writer, transaction);
            _insert.Transaction = transaction;
            var appended = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Receipt is { } receipt && !KeepReceipt(transaction, receipt))
                {
                    // Audited before (the message is being delivered again): its records are already in the chain.
                    written[i] = [];
                    continue;
                }
                var entries = batch[i].Entries;
                var records = written[i] = new AuditRecord[entries.Length];
                for (var j = 0; j < entries.Length; j++)
                {
                    records[j] = Insert(_insert, ++sequence, _time.GetUtcNow(), entries[j], previousHash);
                    previousHash = records[j].Hash;
                }
                appended += entries.Length;
            }
            // Only what was written counts: a group skipped for its receipt added nothing to the chain.
            AuditHeadRow.Write(_writer, transaction, new AuditHead(sequence, previousHash, position.RecordCount + appended));
            transaction.Commit();
        }
#pragma warning disable CA1031 // Batch boundary: the failure belongs to every caller in the batch and reaches each through its task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Start the next batch on a fresh connection rather than one left in an unknown state.
            CloseWriter();
            foreach (var pending in batch) pending.Fail(ex);
            return;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Complete(written[i]);
    }

    /// <summary>Keeps the receipt; false when it was kept already.</summary>
    private bool KeepReceipt(SqliteTransaction transaction, DeliveryReceipt receipt)
    {
        if (_receipt is null)
        {
            _receipt = _writer!.CreateCommand();
            _receipt.CommandText = "INSERT OR IGNORE INTO delivery_receipts (subscriber, message_id, received_at) VALUES ($subscriber, $message, $at);";
            foreach (var name in new[] { "$subscriber", "$message", "$at" }) _receipt.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        _receipt.Transaction = transaction;
        _receipt.Parameters[0].Value = receipt.Subscriber;
        _receipt.Parameters[1].Value = receipt.MessageId;
        _receipt.Parameters[2].Value = StoreText.Timestamp(_time.GetUtcNow());
        return _receipt.ExecuteNonQuery() == 1;
    }

    private void CloseWriter()
    {
        _receipt?.Dispose();
        _receipt = null;
        _insert?.Dispose();
        _insert = null;
        _tail?.Dispose();
        _tail = null;
        _writer?.Dispose();
        _writer = null;
    }

    private static SqliteCommand TailCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1;";
        return command;
    }

    /// <summary>The last record's sequence and hash; after a pruning that left no record, the latest anchor's.</summary>
    private static (long Sequence, string Hash) ReadTail(SqliteCommand tail)
    {
        using (var reader = tail.ExecuteReader())
        {
            if (reader.Read()) return (reader.GetInt64(0), AuditRow.Hash(reader, 1));
        }
        using var anchor = tail.Connection!.CreateCommand();
        anchor.Transaction = tail.Transaction;
        anchor.CommandText = "SELECT pruned_through_sequence, last_pruned_hash FROM audit_anchors ORDER BY anchor_id DESC LIMIT 1;";
        using (var reader = anchor.ExecuteReader())
        {
            if (reader.Read()) return (reader.GetInt64(0), reader.GetString(1));
        }
        return (0, AuditCanonicalEncoding.GenesisHash);
    }

    private static string Text(string parameterName) => SqliteExactText.Cast(parameterName);

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            INSERT INTO audit_records ({AuditRow.Columns})
            VALUES ($sequence, $timestamp, {Text("$agent")}, {Text("$action")}, {Text("$target")}, {Text("$justification")}, {Text("$approval")},
                {Text("$approver")}, {Text("$outcome")}, {Text("$evidence")}, {Text("$investigation")}, {Text("$details")}, $previous, $hash);
            """;
        foreach (var name in new[] { "$sequence", "$timestamp", "$agent", "$action", "$target", "$justification", "$approval", "$approver", "$outcome", "$evidence", "$investigation", "$details", "$previous", "$hash" })
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static AuditRecord Insert(SqliteCommand insert, long sequence, DateTimeOffset now, AuditEntry entry, string previousHash)
    {
        // Stored at the canonical precision so the record handed back equals the one verify will read.
        var timestamp = AuditCanonicalEncoding.ToCanonical(now);
        var timestampText = AuditCanonicalEncoding.FormatTimestamp(timestamp);
        var hash = AuditCanonicalEncoding.ComputeHash(sequence, timestamp, entry, previousHash);
        var p = insert.Parameters;
        p[0].Value = sequence;
        p[1].Value = timestampText;
        // Attacker-controlled text may hold NULs: bound as bytes so the file keeps all of it (SqliteExactText).
        p[2].Value = SqliteExactText.Value(entry.AgentName);
        p[3].Value = SqliteExactText.Value(entry.ActionType);
        p[4].Value = SqliteExactText.Value(entry.Target);
        p[5].Value = SqliteExactText.Value(entry.Justification);
        p[6].Value = SqliteExactText.Value(entry.ApprovalStatus);
        p[7].Value = SqliteExactText.Value(entry.ApproverIdentity);
        p[8].Value = SqliteExactText.Value(entry.Outcome);
        p[9].Value = SqliteExactText.Value(entry.EvidenceHash);
        p[10].Value = SqliteExactText.Value(entry.InvestigationId);
        p[11].Value = SqliteExactText.Value(AuditDetailsJson.Write(entry.Details));
        p[12].Value = AuditHashColumn.Bytes(previousHash);
        p[13].Value = AuditHashColumn.Bytes(hash);
        insert.ExecuteNonQuery();
        return new AuditRecord(sequence, timestamp, entry, previousHash, hash);
    }
}
