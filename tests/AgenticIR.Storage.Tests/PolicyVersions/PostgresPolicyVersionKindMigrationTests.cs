using AgenticIR.Core.Policy;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;
using Npgsql;

namespace AgenticIR.Storage.Tests.PolicyVersions;

/// <summary>Migration 0032 on PostgreSQL: a database written before it (policy_versions allowing only policy and
/// calibration) keeps its versions and the proposal decisions that point at them, and then takes the playbook kinds.</summary>
public sealed class PostgresPolicyVersionKindMigrationTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly TempPostgresDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_DatabaseFromBeforeTheKinds_KeepsVersionsAndDecisionsThenTakesAnOnboarding()
    {
        var old = (await _database.OpenAsync()).CreatePolicyVersions().Versions;
        await old.RecordAsync(new PolicyVersionCandidate("aaa", "config/governance.yaml", "startup", PolicyVersion.PolicyKind, T0), Ct);
        await old.RecordAsync(new PolicyVersionCandidate("bbb", "config/governance.yaml", "alice", PolicyVersion.CalibrationKind, T0.AddMinutes(1)), Ct);
        await ExecuteAsync("""
            ALTER TABLE policy_versions DROP CONSTRAINT policy_versions_kind_check;
            ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_kind_check CHECK (kind IN ('policy', 'calibration'));
            DELETE FROM schema_migrations WHERE version = 32;
            WITH proposal AS (
                INSERT INTO review_queue (investigation_id, parameter, current_value, proposed_value, rationale, status, created_at)
                VALUES ('inv-1', 'triage.weights.asset', '0.2', '0.3', 'more weight', 'accepted', '2026-11-25T09:00:00.0000000+00:00') RETURNING id)
            INSERT INTO proposal_decisions (proposal_id, status, decided_by, decided_at, reason, policy_version)
                SELECT id, 'accepted', 'alice', '2026-11-25T09:01:00.0000000+00:00', NULL, 2 FROM proposal;
            """);
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            "INSERT INTO policy_versions VALUES (9, 'x', '2026', 'config/playbooks.yaml', 'dana', 'playbook_onboarding');"));

        var backend = await _database.OpenAsync();
        await backend.CreateStateStore().InitializeAsync(Ct);
        var store = backend.CreatePolicyVersions().Versions;
        var onboarded = await store.RecordAsync(new PolicyVersionCandidate("ccc", "config/playbooks.yaml", "dana", PolicyVersion.PlaybookOnboardingKind, T0.AddMinutes(2)), Ct);

        Assert.Equal((3, PolicyVersion.PlaybookOnboardingKind), (onboarded.Version.Version, onboarded.Version.Kind));
        Assert.Equal(
            [(1, "aaa", PolicyVersion.PolicyKind), (2, "bbb", PolicyVersion.CalibrationKind), (3, "ccc", PolicyVersion.PlaybookOnboardingKind)],
            (await store.ListAsync(T0.AddDays(-1), Ct)).Select(v => (v.Version, v.Hash, v.Kind)));
        Assert.Equal(2L, await ScalarAsync("SELECT policy_version FROM proposal_decisions WHERE decided_by = 'alice';"));
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            "INSERT INTO policy_versions VALUES (9, 'x', '2026', 'config/playbooks.yaml', 'dana', 'promotion');"));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
