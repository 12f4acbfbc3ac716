using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Storage.Shared;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.PolicyVersions;

/// <summary>Policy versions and proposal decisions on the embedded store (migration 0008). Writes run under BEGIN IMMEDIATE,
/// so workers sharing the file number versions once and decide a proposal once. The state store must have been
/// initialized on the same file first (it applies the migrations).</summary>
public sealed class SqlitePolicyVersionStore(SqliteStoreOptions options) : IPolicyVersionStore, IProposalDecisionStore
{
    private const string PendingReview = "pending";
    private readonly SqliteConnectionFactory _connections = new(options);

    /// <inheritdoc />
    public Task<RecordedPolicyVersion> RecordAsync(PolicyVersionCandidate candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrWhiteSpace(candidate.Hash);
        if (!PolicyVersion.IsKnownKind(candidate.Kind))
            throw new ArgumentException($"Unknown policy version kind '{candidate.Kind}'.", nameof(candidate));
        return WriteAsync(async (c, t) =>
        {
            var latest = await LatestAsync(c, t, cancellationToken);
            if (latest is not null && latest.Hash == candidate.Hash) return new RecordedPolicyVersion(latest, latest, Created: false);
            var next = (latest?.Version ?? 0) + 1;
            var version = new PolicyVersion(next, candidate.Hash, candidate.At, candidate.SourceFile, candidate.AcceptedBy, candidate.Kind);
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO policy_versions (version, hash, loaded_at, source_file, accepted_by, kind)
                VALUES (@Version, @Hash, @loadedAt, @SourceFile, @AcceptedBy, @Kind);
                """,
                new { version.Version, version.Hash, loadedAt = StoreText.Timestamp(version.LoadedAt), version.SourceFile, version.AcceptedBy, version.Kind },
                t, cancellationToken: cancellationToken));
            return new RecordedPolicyVersion(version, latest, Created: true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PolicyVersion?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await LatestAsync(connection, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PolicyVersion>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PolicyVersionRow>(new CommandDefinition(
            $"SELECT {PolicyVersionRow.Columns} FROM policy_versions WHERE loaded_at >= @since ORDER BY version;",
            new { since = StoreText.Timestamp(since) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToVersion())];
    }

    /// <inheritdoc />
    public Task<bool> DecideAsync(ProposalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision.DecidedBy);
        if (decision.Status is not (ProposalDecision.Accepted or ProposalDecision.Rejected))
            throw new ArgumentException($"Unknown proposal decision '{decision.Status}'.", nameof(decision));
        return WriteAsync(async (c, t) =>
        {
            // The review queue's own status column is what "list pending" reads, so it changes in the same transaction.
            var marked = await c.ExecuteAsync(new CommandDefinition(
                "UPDATE review_queue SET status = @Status WHERE id = @ProposalId AND status = @pending;",
                new { decision.Status, decision.ProposalId, pending = PendingReview }, t, cancellationToken: cancellationToken));
            if (marked == 0) return false;
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO proposal_decisions (proposal_id, status, decided_by, decided_at, reason, policy_version)
                VALUES (@ProposalId, @Status, @DecidedBy, @decidedAt, @Reason, @PolicyVersion);
                """,
                new { decision.ProposalId, decision.Status, decision.DecidedBy, decidedAt = StoreText.Timestamp(decision.DecidedAt), decision.Reason, decision.PolicyVersion },
                t, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ProposalDecision?> GetDecisionAsync(long proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProposalDecisionRow>(new CommandDefinition(
            $"SELECT {ProposalDecisionRow.Columns} FROM proposal_decisions WHERE proposal_id = @proposalId;",
            new { proposalId }, cancellationToken: cancellationToken));
        return row?.ToDecision();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProposalDecision>> ListDecisionsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProposalDecisionRow>(new CommandDefinition(
            $"SELECT {ProposalDecisionRow.Columns} FROM proposal_decisions WHERE decided_at >= @since ORDER BY decided_at, proposal_id;",
            new { since = StoreText.Timestamp(since) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDecision())];
    }

    private static async Task<PolicyVersion?> LatestAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PolicyVersionRow>(new CommandDefinition(
            $"SELECT {PolicyVersionRow.Columns} FROM policy_versions ORDER BY version DESC LIMIT 1;",
            transaction: transaction, cancellationToken: cancellationToken));
        return row?.ToVersion();
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction);
        transaction.Commit();
        return result;
    }
}
