using System.Data;
using AgenticIR.Core.Audit;
using AgenticIR.Storage.Shared.Audit;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Audit;

internal sealed partial class PostgresAuditLog
{
    private const int ProgressEvery = 65_536;

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken) =>
        VerifyAsync(null, progress, cancellationToken);

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(AuditCheckpoint? checkpoint, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            // One snapshot for the whole walk: appends by any worker meanwhile are neither half-seen nor mistaken for gaps.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            return await VerifyAsync(connection, transaction, long.MaxValue, progress, checkpoint, cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            return await PostgresAuditHead.ReadAsync(connection, transaction, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Walks anchors, then records up to <paramref name="through"/> as the server streams them, then (for the whole
    /// chain) compares its end with the anchored head.</summary>
    private static async Task<AuditVerification> VerifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long through,
        IProgress<long>? progress, AuditCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var (anchors, anchorProblem) = await ReadAnchorsAsync(connection, transaction, cancellationToken);
        var walk = new ChainWalk(anchors.Count > 0 ? anchors[^1] : null, checkpoint);
        if (anchorProblem is { } unreadable) walk.Break(unreadable.Sequence, unreadable.Problem);
        if (AuditChainRules.CheckAnchorChain(anchors) is { } anchorFailure) walk.Break(anchorFailure.Sequence, anchorFailure.Problem);
        var expectedAnchors = AuditChainRules.ExpectedAnchors(anchors, walk, through);

        await using (var command = new NpgsqlCommand(
                         $"SELECT {PostgresAuditRow.Columns} FROM audit_records WHERE sequence <= $1 ORDER BY sequence;", connection, transaction)
                     {
                         Parameters = { new NpgsqlParameter<long> { TypedValue = through } },
                     })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                walk.Check(PostgresAuditRow.Stored(reader), expectedAnchors);
                if (walk.Read % ProgressEvery == 0) progress?.Report(walk.Read);
            }
        }
        progress?.Report(walk.Read);

        AuditChainRules.ReportMissingAnchorRecords(walk, expectedAnchors);
        if (through != long.MaxValue) return walk.Result(null);

        walk.FinishCheckpoint();
        var head = await PostgresAuditHead.ReadRowAsync(connection, transaction, cancellationToken);
        AuditChainRules.CheckHead(walk, head);
        return walk.Result(head);
    }

    private static async Task<(List<AuditAnchor> Anchors, (long Sequence, string Problem)? Problem)> ReadAnchorsAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pruned_through_sequence, last_pruned_hash, count, pruned_at, signed_off_by, previous_anchor_hash, record_sequence, anchor_hash
            FROM audit_anchors ORDER BY anchor_id;
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var anchors = new List<AuditAnchor>();
        (long, string)? problem = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var prunedAtText = reader.GetString(3);
            if (!AuditCanonicalEncoding.TryParseTimestamp(prunedAtText, out var prunedAt))
            {
                problem ??= (reader.GetInt64(6), $"the pruning anchor through record {reader.GetInt64(0)} was edited: pruned_at '{VisibleText.Of(prunedAtText)}' is not canonical");
                continue;
            }
            anchors.Add(new AuditAnchor(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), prunedAt,
                PostgresExactText.Text(reader.GetFieldValue<byte[]>(4)), reader.GetString(5), reader.GetInt64(6), reader.GetString(7)));
        }
        return (anchors, problem);
    }
}
