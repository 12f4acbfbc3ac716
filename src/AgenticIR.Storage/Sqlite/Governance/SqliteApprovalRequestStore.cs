using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Sqlite.Governance;

/// <summary>Approval requests on the embedded store (<c>approval_requests</c>, migration 0003). Single statements, so
/// SQLite's own locking serializes writers; updates carry the version they read, so two workers never both act on one timeout.</summary>
public sealed class SqliteApprovalRequestStore(SqliteStoreOptions options) : IApprovalRequestStore
{
    private const string Columns =
        "investigation_id, action_id, logical_action, target_type, target_value, severity, gate, risk, reversible, requested_at, deadline, escalation_level, required_tier, state, version";

    private readonly SqliteConnectionFactory _connections = new(options);

    /// <inheritdoc />
    public async Task<ApprovalRequest?> GetAsync(string investigationId, string actionId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM approval_requests WHERE investigation_id = @investigationId AND action_id = @actionId;",
            new { investigationId, actionId }, cancellationToken: cancellationToken));
        return row?.ToRequest();
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO approval_requests ({Columns})
            VALUES (@InvestigationId, @ActionId, @LogicalAction, @TargetType, @TargetValue, @Severity, @Gate, @Risk, @Reversible,
                    @RequestedAt, @Deadline, @EscalationLevel, @RequiredTier, @State, 1)
            ON CONFLICT (investigation_id, action_id) DO NOTHING;
            """, Parameters.Of(request), cancellationToken: cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE approval_requests
            SET logical_action = @LogicalAction, target_type = @TargetType, target_value = @TargetValue, severity = @Severity,
                gate = @Gate, risk = @Risk, reversible = @Reversible, requested_at = @RequestedAt, deadline = @Deadline,
                escalation_level = @EscalationLevel, required_tier = @RequiredTier, state = @State, version = version + 1
            WHERE investigation_id = @InvestigationId AND action_id = @ActionId AND version = @Version;
            """, Parameters.Of(request), cancellationToken: cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRequest>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM approval_requests
            WHERE state = 'open' AND deadline <= @now
            ORDER BY deadline, investigation_id, action_id
            LIMIT @limit;
            """, new { now = StoreText.Timestamp(now), limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRequest())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM approval_requests
            WHERE state IN ('open', 'held')
            ORDER BY deadline IS NULL, deadline, investigation_id, action_id
            LIMIT @limit;
            """, new { limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRequest())];
    }

    /// <inheritdoc />
    public async Task CloseAsync(string investigationId, string actionId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE approval_requests SET state = 'closed', deadline = NULL, version = version + 1
            WHERE investigation_id = @investigationId AND action_id = @actionId AND state <> 'closed';
            """, new { investigationId, actionId }, cancellationToken: cancellationToken));
    }

    private sealed record Parameters(
        string InvestigationId, string ActionId, string LogicalAction, string TargetType, string TargetValue, string Severity, string Gate,
        string Risk, int Reversible, string RequestedAt, string? Deadline, int EscalationLevel, string RequiredTier, string State, long Version)
    {
        public static Parameters Of(ApprovalRequest r) => new(
            r.InvestigationId, r.ActionId, r.LogicalAction, ObservableTypeNames.ToWire(r.Target.Type), r.Target.Value,
            StoreText.Name(r.Severity), StoreText.Name(r.Gate), StoreText.Name(r.Risk), r.Reversible ? 1 : 0,
            StoreText.Timestamp(r.RequestedAt), r.Deadline is { } d ? StoreText.Timestamp(d) : null, r.EscalationLevel, r.RequiredTier,
            StoreText.Name(r.State), r.Version);
    }

    private sealed class Row
    {
        public string Investigation_Id { get; set; } = "";
        public string Action_Id { get; set; } = "";
        public string Logical_Action { get; set; } = "";
        public string Target_Type { get; set; } = "";
        public string Target_Value { get; set; } = "";
        public string Severity { get; set; } = "";
        public string Gate { get; set; } = "";
        public string Risk { get; set; } = "";
        public long Reversible { get; set; }
        public string Requested_At { get; set; } = "";
        public string? Deadline { get; set; }
        public long Escalation_Level { get; set; }
        public string Required_Tier { get; set; } = "";
        public string State { get; set; } = "";
        public long Version { get; set; }

        public ApprovalRequest ToRequest() => new()
        {
            InvestigationId = Investigation_Id,
            ActionId = Action_Id,
            LogicalAction = Logical_Action,
            Target = new Observable(ObservableTypeNames.TryParse(Target_Type, out var type)
                ? type : throw new InvalidOperationException($"Unknown observable type '{Target_Type}' in approval_requests."), Target_Value),
            Severity = StoreText.Parse<Severity>(Severity),
            Gate = StoreText.Parse<ApprovalClass>(Gate),
            Risk = StoreText.Parse<ActionRisk>(Risk),
            Reversible = Reversible != 0,
            RequestedAt = StoreText.ParseTimestamp(Requested_At),
            Deadline = Deadline is null ? null : StoreText.ParseTimestamp(Deadline),
            EscalationLevel = (int)Escalation_Level,
            RequiredTier = Required_Tier,
            State = StoreText.Parse<ApprovalRequestState>(State),
            Version = Version,
        };
    }
}
