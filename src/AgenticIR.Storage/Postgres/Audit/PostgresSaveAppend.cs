using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Audit;

/// <summary>The audit records of a stage's messages, appended in the state store's save transaction. On the fast path
/// (<paramref name="known"/> is the head this worker last wrote and still trusts) nothing is read first: the chain's lock
/// leads the save's batch, and the head's conditional move, the receipts and the records follow the stage's rows, so the
/// save stays one round trip and a COMMIT. On the slow path the chain's lock is taken and its end read (and the receipts
/// kept, learning which were kept before) before that batch. Each attempt of the transaction calls
/// <see cref="PrepareAsync"/> afresh, so a transaction run again after an outage chains its records anew.</summary>
internal sealed class PostgresSaveAppend(IReadOnlyList<AnnouncementAudit> audits, AuditEntry[][] groups, AuditHead? known, TimeProvider time)
{
    private NpgsqlBatchCommand? _moved;
    private NpgsqlBatchCommand? _keep;
    private int _receipts;

    /// <summary>True on the fast path.</summary>
    public bool Optimistic => known is not null;

    /// <summary>The head the attempt moves the chain to.</summary>
    public AuditHead Head { get; private set; } = null!;

    /// <summary>The head the attempt found (or assumed, on the fast path).</summary>
    public AuditHead Found { get; private set; } = null!;

    /// <summary>The commands that go before the save's own (the chain's lock, so every writer takes it before any row lock)
    /// and those that go after its rows.</summary>
    public async Task<(IReadOnlyList<NpgsqlBatchCommand> Leading, IReadOnlyList<NpgsqlBatchCommand> Trailing)> PrepareAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var trailing = new List<NpgsqlBatchCommand>();
        var receipts = audits.Select(a => a.Receipt).ToList();
        _receipts = receipts.Count;
        if (known is not null)
        {
            Found = known;
            var records = Chain(known, _ => true);
            Head = new AuditHead(records.Count > 0 ? records[^1].Sequence : known.Sequence, records.Count > 0 ? records[^1].Hash : known.Hash,
                known.RecordCount + records.Count);
            _moved = PostgresAuditHead.MoveIf(known, Head);
            _keep = PostgresAuditLog.KeepReceipts(receipts, time);
            trailing.Add(_moved);
            trailing.Add(_keep);
            trailing.AddRange(records.Select(PostgresAuditRow.Insert));
            return ([PostgresAuditHead.Lock()], trailing);
        }
        var position = await PostgresAuditHead.LockAndLocateAsync(connection, transaction, cancellationToken);
        var kept = await PostgresAuditLog.KeepReceiptsAsync(connection, transaction, receipts, time);
        Found = new AuditHead(position.LastSequence, position.PreviousHash, position.RecordCount);
        // A receipt kept before: that message was audited already, its records are in the chain.
        var written = Chain(Found, i => kept.Contains((audits[i].Receipt.Subscriber, audits[i].Receipt.MessageId)));
        Head = new AuditHead(written.Count > 0 ? written[^1].Sequence : Found.Sequence, written.Count > 0 ? written[^1].Hash : Found.Hash,
            Found.RecordCount + written.Count);
        trailing.AddRange(written.Select(PostgresAuditRow.Insert));
        trailing.Add(PostgresAuditHead.Write(Head));
        return ([], trailing);
    }

    /// <summary>After the batch ran: on the fast path, throws <see cref="AuditChainMovedException"/> when the head had moved
    /// or a receipt was kept before (the caller rolls back and goes the slow way).</summary>
    public void Check()
    {
        if (known is null) return;
        if (_moved!.RecordsAffected != 1 || _keep!.RecordsAffected != _receipts) throw new AuditChainMovedException();
    }

    /// <summary>True for the error of a record's insert (its sequence taken: the chain moved on without its head row).</summary>
    public static bool IsRecordConflict(PostgresException ex) =>
        PostgresErrors.IsDuplicateKey(ex) && string.Equals(ex.TableName, "audit_records", StringComparison.Ordinal);

    private List<AuditRecord> Chain(AuditHead after, Func<int, bool> include)
    {
        var (sequence, previousHash) = (after.Sequence, after.Hash);
        var records = new List<AuditRecord>();
        for (var i = 0; i < groups.Length; i++)
        {
            if (!include(i)) continue;
            foreach (var entry in groups[i])
            {
                var record = PostgresAuditLog.Chain(++sequence, time.GetUtcNow(), entry, previousHash);
                previousHash = record.Hash;
                records.Add(record);
            }
        }
        return records;
    }
}
