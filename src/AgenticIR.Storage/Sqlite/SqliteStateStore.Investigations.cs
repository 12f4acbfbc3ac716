using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using AgenticIR.Storage.Sqlite.Audit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <inheritdoc />
    public Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        return ReadAsync(async connection =>
        {
            var json = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
                """
                SELECT state AS State, state_json AS StateJson FROM investigations WHERE id = @investigationId;
                """, new { investigationId }, cancellationToken: cancellationToken));
            return json?.ToRecord();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) =>
        CreateAsync(record, intake, null, cancellationToken);

    /// <inheritdoc />
    public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, FingerprintCheck? check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = record with { Version = 1 };
        var state = InvestigationStateCodec.Encode(stored);
        return WriteAsync(async (connection, transaction) =>
        {
            // The write transaction is BEGIN IMMEDIATE: it holds the database's one writer lock, across processes too, so
            // nobody can open an investigation between this check and the insert.
            if (check is not null)
            {
                var newest = await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
                    """
                    SELECT id FROM investigations
                    WHERE fingerprint = @fingerprint AND created_at >= @since
                    ORDER BY created_at DESC, id DESC
                    LIMIT 1;
                    """, new { fingerprint = stored.Fingerprint, since = StoreText.Timestamp(check.CreatedSince) }, transaction, cancellationToken: cancellationToken));
                if (!string.Equals(newest, check.NewestSeen, StringComparison.Ordinal)) throw Conflict(stored.Id, 0);
            }
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO investigations (id, fingerprint, stage, version, created_at, updated_at, state_json, state)
                    VALUES (@Id, @Fingerprint, @Stage, 1, @CreatedAt, @UpdatedAt, '', @State);
                    """,
                    new
                    {
                        stored.Id,
                        stored.Fingerprint,
                        Stage = StoreText.Stage(stored.Stage),
                        CreatedAt = StoreText.Timestamp(stored.CreatedAt),
                        UpdatedAt = StoreText.Timestamp(stored.UpdatedAt),
                        State = state,
                    },
                    transaction, cancellationToken: cancellationToken));
                await InsertStageEventAsync(connection, transaction, stored.Id, 1, stored.Stage, stored.CreatedAt, cancellationToken);
                if (intake is not null) await InsertIntakeAsync(connection, transaction, intake, cancellationToken);
            }
            catch (SqliteException ex) when (IsDuplicateKey(ex))
            {
                throw Conflict(stored.Id, 0);
            }
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) =>
        SaveAsync(record, intake, [], cancellationToken);

    /// <inheritdoc />
    public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(record);
        var expected = record.Version;
        var next = record with { Version = expected + 1, UpdatedAt = _time.GetUtcNow() };
        var state = InvestigationStateCodec.Encode(next);
        var audits = _audit is null ? [] : messages.Where(m => m.Audit is not null).Select(m => m.Audit!).ToList();
        var snapshots = SqliteAuditLog.Snapshots(audits);
        return WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE investigations
                SET fingerprint = @Fingerprint, stage = @Stage, version = version + 1, updated_at = @UpdatedAt, state_json = '', state = @State
                WHERE id = @Id AND version = @Expected;
                """,
                new
                {
                    next.Id,
                    next.Fingerprint,
                    Stage = StoreText.Stage(next.Stage),
                    UpdatedAt = StoreText.Timestamp(next.UpdatedAt),
                    State = state,
                    Expected = expected,
                },
                transaction, cancellationToken: cancellationToken));
            if (changed == 0) throw Conflict(next.Id, expected);

            await InsertStageEventAsync(connection, transaction, next.Id, next.Version, next.Stage, next.UpdatedAt, cancellationToken);
            if (intake is not null)
            {
                try
                {
                    await InsertIntakeAsync(connection, transaction, intake, cancellationToken);
                }
                catch (SqliteException ex) when (IsDuplicateKey(ex))
                {
                    // The input was already taken by another save: applying it again would count it twice.
                    throw Conflict(next.Id, expected);
                }
            }
            foreach (var message in messages) await InsertMessageAsync(connection, transaction, message, cancellationToken);
            // The announcements' audit records, in this transaction: the stage, its messages and their records are one commit.
            if (audits.Count > 0) _audit!.AppendInTransaction(connection, transaction, audits, snapshots);
            return next;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InvestigationRecord?> FindActiveByFingerprintAsync(string fingerprint, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        return ReadAsync(async connection =>
        {
            var json = await connection.QueryFirstOrDefaultAsync<StateRow>(new CommandDefinition(
                """
                SELECT state AS State, state_json AS StateJson FROM investigations
                WHERE fingerprint = @fingerprint AND created_at >= @since
                ORDER BY created_at DESC, id DESC
                LIMIT 1;
                """, new { fingerprint, since = StoreText.Timestamp(since) }, cancellationToken: cancellationToken));
            return json?.ToRecord();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<string>>(async connection => (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT id FROM investigations
            WHERE stage NOT IN (@documented, @closed)
            ORDER BY created_at, id;
            """,
            new { documented = StoreText.Stage(InvestigationStage.Documented), closed = StoreText.Stage(InvestigationStage.Closed) },
            cancellationToken: cancellationToken))).AsList(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InvestigationRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync<IReadOnlyList<InvestigationRecord>>(async connection =>
        {
            var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(
                """
                SELECT state AS State, state_json AS StateJson FROM investigations ORDER BY created_at DESC, id DESC LIMIT @limit;
                """, new { limit }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToRecord()).ToList();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StageEvent>> ListStageEventsAsync(string investigationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        return ReadAsync<IReadOnlyList<StageEvent>>(async connection =>
        {
            var rows = await connection.QueryAsync<StageEventRow>(new CommandDefinition(
                """
                SELECT investigation_id AS InvestigationId, version AS Version, stage AS Stage, at AS At
                FROM stage_events WHERE investigation_id = @investigationId ORDER BY version;
                """, new { investigationId }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToStageEvent()).ToList();
        }, cancellationToken);
    }

    private static Task<int> InsertStageEventAsync(SqliteConnection connection, SqliteTransaction transaction, string investigationId,
        long version, InvestigationStage stage, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage_events (investigation_id, version, stage, at) VALUES (@investigationId, @version, @stage, @at);
            """,
            new { investigationId, version, stage = StoreText.Stage(stage), at = StoreText.Timestamp(at) },
            transaction, cancellationToken: cancellationToken));
}
