using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.SoarDispatch;

/// <summary>The dispatch ledger on PostgreSQL (table <c>soar_dispatch_ledger</c>). The primary key decides which worker
/// sends an action (the insert of the others does nothing), and a reclaim is conditional on the row being unchanged
/// since the caller read it, so exactly one worker takes over a silent sender.</summary>
internal sealed class PostgresDispatchLedger(PostgresDatabase database) : IDispatchLedger
{
    private const string Columns =
        """
        dispatch_key AS DispatchKey, platform AS Platform, instance AS Instance, container_id AS ContainerId,
        investigation_id AS InvestigationId, action_id AS ActionId, logical_action AS LogicalAction, target AS Target,
        parameters_json AS ParametersJson, run_name AS RunName, state AS State, external_id AS ExternalId,
        execution_json AS ExecutionJson, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    /// <inheritdoc />
    public async Task<DispatchLedgerEntry?> GetAsync(string dispatchKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatchKey);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<LedgerRow>(new CommandDefinition(
                $"SELECT {Columns} FROM soar_dispatch_ledger WHERE dispatch_key = @dispatchKey;",
                new { dispatchKey }, cancellationToken: cancellationToken));
            return row?.ToEntry();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryBeginAsync(DispatchLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO soar_dispatch_ledger
                (dispatch_key, platform, instance, container_id, investigation_id, action_id, logical_action, target,
                 parameters_json, run_name, state, external_id, execution_json, created_at, updated_at)
            VALUES (@DispatchKey, @Platform, @Instance, @ContainerId, @InvestigationId, @ActionId, @LogicalAction, @Target,
                    @ParametersJson, @RunName, @State, @ExternalId, @ExecutionJson, @CreatedAt, @UpdatedAt)
            ON CONFLICT (dispatch_key) DO NOTHING;
            """,
            new
            {
                entry.DispatchKey, entry.Platform, entry.Instance, entry.ContainerId, entry.InvestigationId, entry.ActionId,
                // The target is an observable taken from the alert: attacker-written, kept exactly (PostgresExactText).
                entry.LogicalAction, Target = PostgresExactText.Bytes(entry.Target), entry.ParametersJson, entry.RunName,
                State = StoreText.Name(entry.State), entry.ExternalId,
                ExecutionJson = entry.Execution is null ? null : JsonSerializer.Serialize(entry.Execution, CoreJson.Options),
                CreatedAt = StoreText.Timestamp(entry.CreatedAt), UpdatedAt = StoreText.Timestamp(entry.UpdatedAt),
            }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryReclaimAsync(string dispatchKey, DateTimeOffset expectedUpdatedAt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatchKey);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE soar_dispatch_ledger SET updated_at = @at
            WHERE dispatch_key = @dispatchKey AND state = 'sending' AND external_id IS NULL AND updated_at = @expected;
            """,
            new { dispatchKey, expected = StoreText.Timestamp(expectedUpdatedAt), at = StoreText.Timestamp(at) }, cancellationToken: cancellationToken));
        return claimed == 1;
    }

    /// <inheritdoc />
    public async Task MarkSentAsync(string dispatchKey, string externalId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatchKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE soar_dispatch_ledger SET state = 'sent', external_id = @externalId, updated_at = @at
            WHERE dispatch_key = @dispatchKey AND state IN ('sending', 'sent');
            """, new { dispatchKey, externalId, at = StoreText.Timestamp(at) }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task CompleteAsync(string dispatchKey, ActionExecution execution, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatchKey);
        ArgumentNullException.ThrowIfNull(execution);
        var state = execution.Status == DispatchStatus.Succeeded ? DispatchLedgerState.Succeeded : DispatchLedgerState.Failed;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A terminal row is history: whatever a late caller thinks, the first recorded outcome stands.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE soar_dispatch_ledger
            SET state = @state, external_id = COALESCE(NULLIF(@externalId, ''), external_id), execution_json = @executionJson, updated_at = @at
            WHERE dispatch_key = @dispatchKey AND state IN ('sending', 'sent');
            """,
            new
            {
                dispatchKey, state = StoreText.Name(state), externalId = execution.ExternalId,
                executionJson = JsonSerializer.Serialize(execution, CoreJson.Options), at = StoreText.Timestamp(at),
            }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DispatchLedgerEntry>> ListByContainerAsync(string instance, string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        return await database.ReadAsync<IReadOnlyList<DispatchLedgerEntry>>(async connection =>
        {
            var rows = await connection.QueryAsync<LedgerRow>(new CommandDefinition(
                $"SELECT {Columns} FROM soar_dispatch_ledger WHERE instance = @instance AND container_id = @containerId ORDER BY created_at, dispatch_key;",
                new { instance, containerId }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToEntry())];
        }, cancellationToken);
    }

    private sealed class LedgerRow
    {
        public string DispatchKey { get; set; } = "";
        public string Platform { get; set; } = "";
        public string Instance { get; set; } = "";
        public string ContainerId { get; set; } = "";
        public string InvestigationId { get; set; } = "";
        public string ActionId { get; set; } = "";
        public string LogicalAction { get; set; } = "";
        public byte[] Target { get; set; } = [];
        public string ParametersJson { get; set; } = "";
        public string RunName { get; set; } = "";
        public string State { get; set; } = "";
        public string? ExternalId { get; set; }
        public string? ExecutionJson { get; set; }
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public DispatchLedgerEntry ToEntry() => new()
        {
            DispatchKey = DispatchKey,
            Platform = Platform,
            Instance = Instance,
            ContainerId = ContainerId,
            InvestigationId = InvestigationId,
            ActionId = ActionId,
            LogicalAction = LogicalAction,
            Target = PostgresExactText.Text(Target),
            ParametersJson = ParametersJson,
            RunName = RunName,
            State = StoreText.Parse<DispatchLedgerState>(State),
            ExternalId = ExternalId,
            Execution = ExecutionJson is null ? null : JsonSerializer.Deserialize<ActionExecution>(ExecutionJson, CoreJson.Options),
            CreatedAt = StoreText.ParseTimestamp(CreatedAt),
            UpdatedAt = StoreText.ParseTimestamp(UpdatedAt),
        };
    }
}
