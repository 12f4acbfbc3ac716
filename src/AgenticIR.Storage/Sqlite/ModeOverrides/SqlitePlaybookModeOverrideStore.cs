using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Sqlite.ModeOverrides;

/// <summary>Playbook mode caps in the embedded SQLite file (table <c>playbook_mode_overrides</c>, migration 0009). The
/// state store must have been initialized on the same file first (it applies the migrations).</summary>
public sealed class SqlitePlaybookModeOverrideStore(SqliteStoreOptions options) : IPlaybookModeOverrides
{
    private readonly SqliteConnectionFactory _connections = new(options);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlaybookModeOverride>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModeOverrideRow>(new CommandDefinition(
            $"SELECT {ModeOverrideRow.Columns} FROM playbook_mode_overrides WHERE lifted_at IS NULL ORDER BY id;",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToOverride())];
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(PlaybookModeOverride modeOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modeOverride);
        ArgumentException.ThrowIfNullOrWhiteSpace(modeOverride.Playbook);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // The partial unique index keeps one cap in force per pair, so two workers demoting at once write one row.
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
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var lifted = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE playbook_mode_overrides SET lifted_at = @at, lifted_by = @liftedBy
            WHERE playbook = @playbook AND severity = @severity AND lifted_at IS NULL;
            """,
            new { playbook, severity = severity.ToWire(), liftedBy, at = StoreText.Timestamp(at) }, cancellationToken: cancellationToken));
        return lifted > 0;
    }
}
