using AgenticIR.Core.Policy;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using AgenticIR.Testing.Storage;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Tests.PolicyVersions;

/// <summary>Migration 0032 on SQLite: a store written before it (policy_versions allowing only policy and calibration)
/// keeps its versions and the proposal decisions that point at them, and then takes the playbook kinds.</summary>
public sealed class SqlitePolicyVersionKindMigrationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_StoreFromBeforeTheKinds_KeepsVersionsAndDecisionsThenTakesAPromotion()
    {
        var options = await _database.MigratedAsync(cancellationToken: Ct);
        await AsBeforeMigration0032Async();
        var old = new SqlitePolicyVersionStore(options);
        await old.RecordAsync(new PolicyVersionCandidate("aaa", "config/governance.yaml", "startup", PolicyVersion.PolicyKind, T0), Ct);
        await old.RecordAsync(new PolicyVersionCandidate("bbb", "config/governance.yaml", "alice", PolicyVersion.CalibrationKind, T0.AddMinutes(1)), Ct);
        await ExecuteAsync("""
            INSERT INTO review_queue (investigation_id, parameter, current_value, proposed_value, rationale, status, created_at)
                VALUES ('inv-1', 'triage.weights.asset', '0.2', '0.3', 'more weight', 'accepted', '2026-11-25T09:00:00.0000000+00:00');
            INSERT INTO proposal_decisions (proposal_id, status, decided_by, decided_at, reason, policy_version)
                VALUES (last_insert_rowid(), 'accepted', 'alice', '2026-11-25T09:01:00.0000000+00:00', NULL, 2);
            """);
        // Before the migration the store refuses the new kinds at the database.
        await Assert.ThrowsAsync<SqliteException>(() => old.RecordAsync(Promotion(), Ct));

        await new SqliteStateStore(options, TimeProvider.System).InitializeAsync(Ct);
        var store = new SqlitePolicyVersionStore(options);
        var promoted = await store.RecordAsync(Promotion(), Ct);

        Assert.Equal((3, PolicyVersion.PlaybookPromotionKind), (promoted.Version.Version, promoted.Version.Kind));
        Assert.Equal(
            [(1, "aaa", PolicyVersion.PolicyKind), (2, "bbb", PolicyVersion.CalibrationKind), (3, "ccc", PolicyVersion.PlaybookPromotionKind)],
            (await store.ListAsync(T0.AddDays(-1), Ct)).Select(v => (v.Version, v.Hash, v.Kind)));
        Assert.Equal(2L, await ScalarAsync("SELECT policy_version FROM proposal_decisions WHERE decided_by = 'alice';"));
        // The decisions still refer to the versions: a decision naming no version is refused.
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("""
            PRAGMA foreign_keys = ON;
            INSERT INTO proposal_decisions (proposal_id, status, decided_by, decided_at, reason, policy_version)
                SELECT id, 'accepted', 'bob', '2026-11-25T10:00:00Z', NULL, 99 FROM review_queue LIMIT 1;
            """));
    }

    public void Dispose() => _database.Dispose();

    private static PolicyVersionCandidate Promotion() =>
        new("ccc", "config/playbooks.yaml", "carol", PolicyVersion.PlaybookPromotionKind, T0.AddMinutes(2));

    /// <summary>As a store written before migration 0032 looks: the two tables as 0008 made them, the migration not applied.</summary>
    private Task AsBeforeMigration0032Async() => ExecuteAsync("""
        PRAGMA foreign_keys = OFF;
        DROP TABLE proposal_decisions;
        DROP TABLE policy_versions;
        CREATE TABLE policy_versions (
            version     INTEGER NOT NULL PRIMARY KEY,
            hash        TEXT    NOT NULL,
            loaded_at   TEXT    NOT NULL,
            source_file TEXT    NOT NULL,
            accepted_by TEXT    NOT NULL,
            kind        TEXT    NOT NULL CHECK (kind IN ('policy', 'calibration'))
        );
        CREATE INDEX ix_policy_versions_loaded ON policy_versions (loaded_at);
        CREATE TABLE proposal_decisions (
            proposal_id    INTEGER NOT NULL PRIMARY KEY REFERENCES review_queue (id),
            status         TEXT    NOT NULL CHECK (status IN ('accepted', 'rejected')),
            decided_by     TEXT    NOT NULL,
            decided_at     TEXT    NOT NULL,
            reason         TEXT,
            policy_version INTEGER REFERENCES policy_versions (version)
        );
        CREATE INDEX ix_proposal_decisions_decided ON proposal_decisions (decided_at);
        DELETE FROM schema_migrations WHERE version = 32;
        """);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
