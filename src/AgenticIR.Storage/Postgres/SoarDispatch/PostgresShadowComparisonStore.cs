using AgenticIR.Core.Ports;
using AgenticIR.Core.Shadow;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.SoarDispatch;

/// <summary>Shadow comparisons on PostgreSQL (table <c>soar_shadow_comparisons</c>): one row per container, replaced on
/// each observation until it is final. The shared row keeps flags as 0/1, so the statements cast the boolean columns.</summary>
internal sealed class PostgresShadowComparisonStore(PostgresDatabase database) : IShadowComparisonStore
{
    private const string Select =
        """
        SELECT instance AS Instance, container_id AS ContainerId, investigation_id AS InvestigationId, playbook AS Playbook,
               playbook_runs_json AS PlaybookRunsJson, agent_severity AS AgentSeverity, container_severity AS ContainerSeverity,
               severity_agreement::int::int8 AS SeverityAgreement, agent_disposition AS AgentDisposition,
               analyst_disposition AS AnalystDisposition, disposition_agreement::int::int8 AS DispositionAgreement,
               agent_actions_json AS AgentActionsJson, playbook_actions_json AS PlaybookActionsJson,
               unmapped_actions_json AS UnmappedActionsJson, action_overlap AS ActionOverlap,
               extra_findings_json AS ExtraFindingsJson, agents_started_at AS AgentsStartedAt,
               agents_decided_at AS AgentsDecidedAt, agent_decision_seconds AS AgentDecisionSeconds,
               container_created_at AS ContainerCreatedAt, playbook_decided_at AS PlaybookDecidedAt,
               playbook_decision_seconds AS PlaybookDecisionSeconds, container_status AS ContainerStatus,
               closed_at AS ClosedAt, final::int::int8 AS Final, observed_at AS ObservedAt
        FROM soar_shadow_comparisons
        """;

    /// <inheritdoc />
    public async Task<bool> UpsertAsync(ShadowComparison comparison, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A final row records what the analyst closed with; later observations must not rewrite it.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO soar_shadow_comparisons AS s
                (instance, container_id, investigation_id, playbook, playbook_runs_json, agent_severity, container_severity,
                 severity_agreement, agent_disposition, analyst_disposition, disposition_agreement, agent_actions_json,
                 playbook_actions_json, unmapped_actions_json, action_overlap, extra_findings_json, agents_started_at,
                 agents_decided_at, agent_decision_seconds, container_created_at, playbook_decided_at,
                 playbook_decision_seconds, container_status, closed_at, final, observed_at)
            VALUES
                (@Instance, @ContainerId, @InvestigationId, @Playbook, @PlaybookRunsJson, @AgentSeverity, @ContainerSeverity,
                 @SeverityAgreement <> 0, @AgentDisposition, @AnalystDisposition, @DispositionAgreement <> 0, @AgentActionsJson,
                 @PlaybookActionsJson, @UnmappedActionsJson, @ActionOverlap, @ExtraFindingsJson, @AgentsStartedAt,
                 @AgentsDecidedAt, @AgentDecisionSeconds, @ContainerCreatedAt, @PlaybookDecidedAt,
                 @PlaybookDecisionSeconds, @ContainerStatus, @ClosedAt, @Final <> 0, @ObservedAt)
            ON CONFLICT (instance, container_id) DO UPDATE SET
                investigation_id = excluded.investigation_id, playbook = excluded.playbook,
                playbook_runs_json = excluded.playbook_runs_json, agent_severity = excluded.agent_severity,
                container_severity = excluded.container_severity, severity_agreement = excluded.severity_agreement,
                agent_disposition = excluded.agent_disposition, analyst_disposition = excluded.analyst_disposition,
                disposition_agreement = excluded.disposition_agreement, agent_actions_json = excluded.agent_actions_json,
                playbook_actions_json = excluded.playbook_actions_json, unmapped_actions_json = excluded.unmapped_actions_json,
                action_overlap = excluded.action_overlap, extra_findings_json = excluded.extra_findings_json,
                agents_started_at = excluded.agents_started_at, agents_decided_at = excluded.agents_decided_at,
                agent_decision_seconds = excluded.agent_decision_seconds, container_created_at = excluded.container_created_at,
                playbook_decided_at = excluded.playbook_decided_at, playbook_decision_seconds = excluded.playbook_decision_seconds,
                container_status = excluded.container_status, closed_at = excluded.closed_at, final = excluded.final,
                observed_at = excluded.observed_at
            WHERE NOT s.final;
            """, ShadowRow.From(comparison), cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task<ShadowComparison?> GetAsync(string instance, string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<ShadowRow>(new CommandDefinition(
                $"{Select} WHERE instance = @instance AND container_id = @containerId;", new { instance, containerId }, cancellationToken: cancellationToken));
            return row?.ToComparison();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShadowComparison>> ListOpenAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IReadOnlyList<ShadowComparison>>(async connection =>
        {
            var rows = await connection.QueryAsync<ShadowRow>(new CommandDefinition(
                $"{Select} WHERE NOT final ORDER BY observed_at, instance, container_id;", cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToComparison())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShadowComparison>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IReadOnlyList<ShadowComparison>>(async connection =>
        {
            var rows = await connection.QueryAsync<ShadowRow>(new CommandDefinition(
                $"{Select} WHERE observed_at >= @since ORDER BY observed_at, instance, container_id;",
                new { since = StoreText.Timestamp(since) }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToComparison())];
        }, cancellationToken);
    }
}
