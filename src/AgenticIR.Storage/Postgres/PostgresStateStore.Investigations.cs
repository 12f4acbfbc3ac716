using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Postgres.Audit;
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
            var insert = Command(
                """
                INSERT INTO investigations (id, fingerprint, stage, version, created_at, updated_at, state)
                VALUES ($1, $2, $3, 1, $4, $5, $6);
                """,
                Text(stored.Id), Text(stored.Fingerprint), Text(StoreText.Stage(stored.Stage)), Text(StoreText.Timestamp(stored.CreatedAt)),
                Text(StoreText.Timestamp(stored.UpdatedAt)), Blob(state));
            try
            {
                if (check is null)
                {
                    await WriteStageRowsAsync(connection, transaction, insert, stored.Id, 1, stored.Stage, stored.CreatedAt, intake, [], cancellationToken);
                }
                else if (!await CreateIfStillNewestAsync(connection, transaction, insert, stored, check, intake, cancellationToken))
                {
                    throw Conflict(stored.Id, 0);
                }
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
    // committed winner (each statement of a READ COMMITTED transaction sees what committed before it started). The lock,
    // the look-up, the insert and the stage's rows go in one round trip; when the look-up finds a newer investigation than
    // the caller saw, the result is false and the caller's conflict rolls the insert back.
    private static async Task<bool> CreateIfStillNewestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBatchCommand insert,
        InvestigationRecord stored, FingerprintCheck check, IntakeRecord? intake, CancellationToken cancellationToken)
    {
        NpgsqlBatchCommand[] leading =
        [
            Command("SELECT pg_advisory_xact_lock($1, $2);",
                new NpgsqlParameter<int> { TypedValue = PostgresLocks.FingerprintSpace }, new NpgsqlParameter<int> { TypedValue = PostgresLocks.FingerprintKey(stored.Fingerprint) }),
            Command(
                """
                SELECT id FROM investigations
                WHERE fingerprint = $1 AND created_at >= $2
                ORDER BY created_at DESC, id DESC
                LIMIT 1;
                """, Text(stored.Fingerprint), Text(StoreText.Timestamp(check.CreatedSince))),
            insert,
        ];
        await using var batch = StageRows(connection, transaction, leading, stored.Id, 1, stored.Stage, stored.CreatedAt, intake, []);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var newest = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
        // The rest of the batch's results (an error of the insert surfaces here).
        while (await reader.NextResultAsync(cancellationToken))
        {
        }
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
        var audits = audit is null ? [] : messages.Where(m => m.Audit is { Entries.Count: > 0 }).Select(m => m.Audit!).ToList();
        if (audits.Count == 0) return WriteAsync((connection, transaction) => SaveRowsAsync(connection, transaction, null), cancellationToken, Landed);
        // The announcements' audit records go in the same transaction: the stage, its messages and their records are one commit.
        return audit!.AppendInSaveAsync(audits, append => WriteAsync((connection, transaction) => SaveRowsAsync(connection, transaction, append), cancellationToken, Landed),
            cancellationToken);

        Task<bool> Landed(NpgsqlConnection connection) => LandedAsync(connection, next.Id, next.Version, state, intake);

        async Task<InvestigationRecord> SaveRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresSaveAppend? append)
        {
            // A concurrent save of the same row waits on its lock, then finds the version moved and changes nothing; the
            // stage's rows go in the same round trip and are rolled back with it then.
            var update = Command(
                """
                UPDATE investigations
                SET fingerprint = $1, stage = $2, version = version + 1, updated_at = $3, state_json = NULL, state = $4
                WHERE id = $5 AND version = $6;
                """,
                Text(next.Fingerprint), Text(StoreText.Stage(next.Stage)), Text(StoreText.Timestamp(next.UpdatedAt)), Blob(state), Text(next.Id),
                new NpgsqlParameter<long> { TypedValue = expected });
            var (leading, trailing) = append is null ? ([], []) : await append.PrepareAsync(connection, transaction, cancellationToken);
            await using var batch = StageRows(connection, transaction, [.. leading, update], next.Id, next.Version, next.Stage, next.UpdatedAt, intake, messages);
            foreach (var command in trailing) batch.BatchCommands.Add(command);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (append is not null && PostgresSaveAppend.IsRecordConflict(ex))
            {
                // An audit record's sequence is taken: the chain moved on without its head row.
                throw new AuditChainMovedException(ex.MessageText, ex);
            }
            catch (PostgresException ex) when (PostgresErrors.IsDuplicateKey(ex) || ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                // The input was already taken by another save (applying it again would count it twice), another save of
                // this version wrote its stage event first, or the investigation is gone.
                throw Conflict(next.Id, expected);
            }
            if (update.RecordsAffected == 0) throw Conflict(next.Id, expected);
            append?.Check();
            return next;
        }
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
