using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
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
        if (AuditChainRules.CheckAnchorChain(anchors) is { } anchorFailure) walk.Break(anchorFailure.Sequence, anchorFailure.Problem);

        var expectedAnchors = AuditChainRules.ExpectedAnchors(anchors, walk, through);

        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {AuditRow.Columns} FROM audit_records WHERE sequence <= $through ORDER BY sequence;";
            command.Parameters.AddWithValue("$through", through);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                walk.Check(AuditRow.Stored(reader), expectedAnchors);
                if (walk.Read % ProgressEvery == 0) progress?.Report(walk.Read);
            }
        }
        progress?.Report(walk.Read);

        AuditChainRules.ReportMissingAnchorRecords(walk, expectedAnchors);
        if (through != long.MaxValue) return walk.Result(null);

        walk.FinishCheckpoint();
        var head = AuditHeadRow.Read(connection, transaction);
        AuditChainRules.CheckHead(walk, head);
        return walk.Result(head);
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
