using AgenticIR.Core.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

public sealed partial class SqliteAuditLog
{
    private const int ProgressEvery = 65_536;

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // A read transaction pins one WAL snapshot: appends running meanwhile are neither half-seen nor mistaken for gaps.
        using var transaction = connection.BeginTransaction(deferred: true);
        return Verify(connection, transaction, long.MaxValue, progress, cancellationToken);
    }

    /// <summary>Walks anchors, then records up to <paramref name="through"/>, with one forward-only reader.</summary>
    private static AuditVerification Verify(SqliteConnection connection, SqliteTransaction transaction, long through, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var anchors = ReadAnchors(connection, transaction, out var anchorProblem);
        var latest = anchors.Count > 0 ? anchors[^1] : null;
        var walk = new ChainWalk(latest);
        if (anchorProblem is not null) return walk.Fail(anchorProblem.Value.Sequence, anchorProblem.Value.Problem);
        var anchorFailure = CheckAnchorChain(anchors);
        if (anchorFailure is not null) return walk.Fail(anchorFailure.Value.Sequence, anchorFailure.Value.Problem);

        // Each anchor whose audit_pruned record is still stored must be met, unchanged, on the way.
        var expectedAnchors = anchors.Where(a => a.RecordSequence >= walk.ExpectedSequence && a.RecordSequence <= through)
            .ToDictionary(a => a.RecordSequence);

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {AuditRow.Columns} FROM audit_records WHERE sequence <= $through ORDER BY sequence;";
        command.Parameters.AddWithValue("$through", through);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sequence = reader.GetInt64(0);
            var failure = walk.Check(reader, sequence, expectedAnchors);
            if (failure is not null) return failure;
            if (walk.Verified % ProgressEvery == 0) progress?.Report(walk.Verified);
        }
        progress?.Report(walk.Verified);

        if (expectedAnchors.Count > 0)
        {
            var missing = expectedAnchors.Values.MinBy(a => a.RecordSequence)!;
            return walk.Fail(missing.RecordSequence,
                $"record {missing.RecordSequence} is missing: it is the audit_pruned record of the pruning through {missing.PrunedThroughSequence}");
        }
        return walk.Intact();
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
                problem ??= (reader.GetInt64(6), $"the pruning anchor through record {reader.GetInt64(0)} was edited: pruned_at '{prunedAtText}' is not canonical");
                continue;
            }
            anchors.Add(new AuditAnchor(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), prunedAt, reader.GetString(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetString(7)));
        }
        return anchors;
    }
}
