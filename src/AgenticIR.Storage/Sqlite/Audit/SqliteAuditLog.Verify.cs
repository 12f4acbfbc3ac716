using AgenticIR.Core.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

public sealed partial class SqliteAuditLog
{
    private const int ProgressEvery = 65_536;

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken) =>
        VerifyAsync(null, progress, cancellationToken);

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(AuditCheckpoint? checkpoint, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // A read transaction pins one WAL snapshot: appends running meanwhile are neither half-seen nor mistaken for gaps.
        using var transaction = connection.BeginTransaction(deferred: true);
        return Verify(connection, transaction, long.MaxValue, progress, cancellationToken, checkpoint);
    }

    /// <inheritdoc />
    public async Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        if (AuditHeadRow.Read(connection, transaction) is { } head) return head;
        using var tail = TailCommand(connection);
        tail.Transaction = transaction;
        var position = AuditHeadRow.Position(connection, transaction, ReadTail(tail));
        return new AuditHead(position.LastSequence, position.PreviousHash, position.RecordCount);
    }

    /// <summary>Walks anchors, then records up to <paramref name="through"/>, with one forward-only reader, then (for the
    /// whole chain) compares its end with the anchored head.</summary>
    private static AuditVerification Verify(SqliteConnection connection, SqliteTransaction transaction, long through, IProgress<long>? progress,
        CancellationToken cancellationToken, AuditCheckpoint? checkpoint = null)
    {
        var anchors = ReadAnchors(connection, transaction, out var anchorProblem);
        var latest = anchors.Count > 0 ? anchors[^1] : null;
        var walk = new ChainWalk(latest, checkpoint);
        if (anchorProblem is not null) walk.Break(anchorProblem.Value.Sequence, anchorProblem.Value.Problem);
        if (CheckAnchorChain(anchors) is { } anchorFailure) walk.Break(anchorFailure.Sequence, anchorFailure.Problem);

        // Each anchor whose audit_pruned record is still stored must be met, unchanged, on the way.
        var expectedAnchors = anchors.Where(a => a.RecordSequence >= walk.ExpectedSequence && a.RecordSequence <= through)
            .ToDictionary(a => a.RecordSequence);

        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {AuditRow.Columns} FROM audit_records WHERE sequence <= $through ORDER BY sequence;";
            command.Parameters.AddWithValue("$through", through);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                walk.Check(reader, reader.GetInt64(0), expectedAnchors);
                if (walk.Read % ProgressEvery == 0) progress?.Report(walk.Read);
            }
        }
        progress?.Report(walk.Read);

        foreach (var missing in expectedAnchors.Values.OrderBy(a => a.RecordSequence))
        {
            walk.Break(missing.RecordSequence,
                $"record {missing.RecordSequence} is missing: it is the audit_pruned record of the pruning through {missing.PrunedThroughSequence}");
        }
        if (through != long.MaxValue) return walk.Result(null);

        walk.FinishCheckpoint();
        var head = AuditHeadRow.Read(connection, transaction);
        CheckHead(walk, head);
        return walk.Result(head);
    }

    /// <summary>The chain alone cannot show that its end was cut off or that rows were added without the log; the anchored
    /// head, moved in the same transaction as every append, can.</summary>
    private static void CheckHead(ChainWalk walk, AuditHead? head)
    {
        var last = walk.LastSequence;
        if (head is null)
        {
            if (walk.Read > 0 || last > 0)
                walk.Break(null, "the head anchor (table audit_head) is missing: records removed from the end could not be seen");
            return;
        }
        if (head.Sequence > last)
        {
            var missing = head.Sequence == last + 1 ? $"record {head.Sequence} is missing" : $"records {last + 1} to {head.Sequence} are missing";
            walk.Break(last + 1, $"{missing} from the end: the head anchor says the chain ends at record {head.Sequence} ({head.Hash}), the store at record {last}");
        }
        else if (head.Sequence < last)
        {
            var added = last == head.Sequence + 1 ? $"record {last} was" : $"records {head.Sequence + 1} to {last} were";
            walk.Break(head.Sequence + 1, $"{added} added outside the audit log: the head anchor says the chain ends at record {head.Sequence} ({head.Hash})");
        }
        else if (head.Hash != walk.LastHash)
        {
            walk.Break(last, $"record {last} is not the record the head anchor names: the end of the chain was rewritten (head anchor {head.Hash}, stored {walk.LastHash})");
        }
        else if (head.RecordCount != walk.Read && walk.BreakCount == 0)
        {
            // Anything that changes the count (a missing or added row) is normally reported above already.
            walk.Break(null, $"the store holds {walk.Read} records but the head anchor counts {head.RecordCount}");
        }
    }

    private static (long Sequence, string Problem)? CheckAnchorChain(IReadOnlyList<AuditAnchor> anchors)
    {
        var previous = AuditCanonicalEncoding.GenesisHash;
        long previousThrough = 0;
        foreach (var anchor in anchors)
        {
            var name = $"the pruning anchor through record {anchor.PrunedThroughSequence} (audit_pruned record {anchor.RecordSequence})";
            if (AuditCanonicalEncoding.ComputeAnchorHash(anchor) != anchor.AnchorHash)
                return (anchor.RecordSequence, $"{name} was edited: its anchor_hash does not match its fields");
            if (anchor.PreviousAnchorHash != previous)
                return (anchor.RecordSequence, $"{name} does not link to the anchor before it: an anchor was removed, inserted or edited");
            if (anchor.PrunedThroughSequence <= previousThrough || anchor.RecordSequence <= anchor.PrunedThroughSequence)
                return (anchor.RecordSequence, $"{name} is out of order");
            previous = anchor.AnchorHash;
            previousThrough = anchor.PrunedThroughSequence;
        }
        return null;
    }

    private static List<AuditAnchor> ReadAnchors(SqliteConnection connection, SqliteTransaction transaction, out (long Sequence, string Problem)? problem)
    {
        problem = null;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT pruned_through_sequence, last_pruned_hash, count, pruned_at, signed_off_by, previous_anchor_hash, record_sequence, anchor_hash
            FROM audit_anchors ORDER BY anchor_id;
            """;
        using var reader = command.ExecuteReader();
        var anchors = new List<AuditAnchor>();
        while (reader.Read())
        {
            var prunedAtText = reader.GetString(3);
            if (!AuditCanonicalEncoding.TryParseTimestamp(prunedAtText, out var prunedAt))
            {
                problem ??= (reader.GetInt64(6), $"the pruning anchor through record {reader.GetInt64(0)} was edited: pruned_at '{VisibleText.Of(prunedAtText)}' is not canonical");
                continue;
            }
            anchors.Add(new AuditAnchor(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), prunedAt, reader.GetString(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetString(7)));
        }
        return anchors;
    }
}
