using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    /// <inheritdoc />
    public Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        return ReadAsync(async connection =>
        {
            var json = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
                "SELECT state AS State, state_json AS StateJson FROM investigations WHERE id = @investigationId;", new { investigationId }, cancellationToken: cancellationToken));
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
            if (check is not null && !await StillNewestAsync(connection, transaction, stored.Fingerprint, check, cancellationToken))
                throw Conflict(stored.Id, 0);
            var insert = Command(
                """
                INSERT INTO investigations (id, fingerprint, stage, version, created_at, updated_at, state)
                VALUES ($1, $2, $3, 1, $4, $5, $6);
                """,
                Text(stored.Id), Text(stored.Fingerprint), Text(StoreText.Stage(stored.Stage)), Text(StoreText.Timestamp(stored.CreatedAt)),
                Text(StoreText.Timestamp(stored.UpdatedAt)), Blob(state));
            try
            {
                await WriteStageRowsAsync(connection, transaction, insert, stored.Id, 1, stored.Stage, stored.CreatedAt, intake, [], cancellationToken);
            }
            catch (PostgresException ex) when (PostgresErrors.IsDuplicateKey(ex))
            {
                // The id or the input key was taken by another writer.
                throw Conflict(stored.Id, 0);
            }
            return stored;
        }, cancellationToken, connection => LandedAsync(connection, stored.Id, 1, state, intake));
    }

    // Whether a save whose COMMIT went unanswered (the server went away) landed: its intake row names the investigation,
    // or the row holds exactly the state it wrote at its version. Asked before the save is run again, so an alert is
    // never counted twice and a stage never runs its effects twice; a save that did not land is simply run again.
    private static async Task<bool> LandedAsync(NpgsqlConnection connection, string id, long version, byte[] state, IntakeRecord? intake) =>
        intake is not null
            ? await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM intake WHERE input_key = @key AND investigation_id = @id);", new { key = intake.InputKey, id }))
            : await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM investigations WHERE id = @id AND version = @version AND state = @state);", new { id, version, state }));

    // Workers opening an investigation for one fingerprint take its advisory lock for their transaction, so of two
    // duplicates taken at the same moment one opens the investigation and the other, once the lock is its own, reads the
    // committed winner (each statement of a READ COMMITTED transaction sees what committed before it started).
    private static async Task<bool> StillNewestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string fingerprint, FingerprintCheck check,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@space, @key);",
            new { space = PostgresLocks.FingerprintSpace, key = PostgresLocks.FingerprintKey(fingerprint) }, transaction, cancellationToken: cancellationToken));
        var newest = await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT id FROM investigations
            WHERE fingerprint = @fingerprint AND created_at >= @since
            ORDER BY created_at DESC, id DESC
            LIMIT 1;
            """, new { fingerprint, since = StoreText.Timestamp(check.CreatedSince) }, transaction, cancellationToken: cancellationToken));
        return string.Equals(newest, check.NewestSeen, StringComparison.Ordinal);
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
        var next = record with { Version = expected + 1, UpdatedAt = time.GetUtcNow() };
        var state = InvestigationStateCodec.Encode(next);
        return WriteAsync(async (connection, transaction) =>
        {
            // A concurrent save of the same row waits on its lock, then finds the version moved and changes nothing.
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE investigations
                SET fingerprint = @Fingerprint, stage = @Stage, version = version + 1, updated_at = @UpdatedAt, state_json = NULL, state = @State
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

            try
            {
                await WriteStageRowsAsync(connection, transaction, null, next.Id, next.Version, next.Stage, next.UpdatedAt, intake, messages, cancellationToken);
            }
            catch (PostgresException ex) when (PostgresErrors.IsDuplicateKey(ex))
            {
                // The input was already taken by another save: applying it again would count it twice.
                throw Conflict(next.Id, expected);
            }
            return next;
        }, cancellationToken, connection => LandedAsync(connection, next.Id, next.Version, state, intake));
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
                "SELECT state AS State, state_json AS StateJson FROM investigations ORDER BY created_at DESC, id DESC LIMIT @limit;", new { limit }, cancellationToken: cancellationToken));
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
}
