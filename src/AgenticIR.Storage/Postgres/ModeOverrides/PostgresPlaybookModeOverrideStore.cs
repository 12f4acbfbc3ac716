using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.ModeOverrides;

/// <summary>Playbook mode caps on PostgreSQL (table <c>playbook_mode_overrides</c>), shared by every worker: the partial
/// unique index keeps one cap in force per playbook × severity, so two workers demoting at once write one row.</summary>
internal sealed class PostgresPlaybookModeOverrideStore(PostgresDatabase database) : IPlaybookModeOverrides
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PlaybookModeOverride>> ListActiveAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IReadOnlyList<PlaybookModeOverride>>(async connection =>
        {
            var rows = await connection.QueryAsync<ModeOverrideRow>(new CommandDefinition(
                $"SELECT {ModeOverrideRow.Columns} FROM playbook_mode_overrides WHERE lifted_at IS NULL ORDER BY id;",
                cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToOverride())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(PlaybookModeOverride modeOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modeOverride);
        ArgumentException.ThrowIfNullOrWhiteSpace(modeOverride.Playbook);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO playbook_mode_overrides (playbook, severity, mode, reason, created_at, created_by)
            VALUES (@playbook, @severity, @mode, @reason, @at, @by)
            ON CONFLICT (playbook, severity) WHERE lifted_at IS NULL DO NOTHING;
            """,
            new
            {
                playbook = modeOverride.Playbook,
                severity = modeOverride.Severity.ToWire(),
                mode = modeOverride.Mode.ToWire(),
                reason = modeOverride.Reason,
                at = StoreText.Timestamp(modeOverride.At),
                by = modeOverride.By,
            }, cancellationToken: cancellationToken));
        return added == 1;
    }

    /// <inheritdoc />
    public async Task<bool> LiftAsync(string playbook, Severity severity, string liftedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playbook);
        ArgumentException.ThrowIfNullOrWhiteSpace(liftedBy);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var lifted = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE playbook_mode_overrides SET lifted_at = @at, lifted_by = @liftedBy
            WHERE playbook = @playbook AND severity = @severity AND lifted_at IS NULL;
            """,
            new { playbook, severity = severity.ToWire(), liftedBy, at = StoreText.Timestamp(at) }, cancellationToken: cancellationToken));
        return lifted > 0;
    }
}
