using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.Governance;

/// <summary>Approval requests on PostgreSQL. Updates carry the version they read, and the row lock makes that check exact
/// across workers: two workers acting on one timeout both try, one wins, the other is told it lost.</summary>
internal sealed class PostgresApprovalRequestStore(PostgresDatabase database) : IApprovalRequestStore
{
    private const string Columns =
        """
        investigation_id AS InvestigationId, action_id AS ActionId, logical_action AS LogicalAction, target_type AS TargetType,
        target_value AS TargetValue, severity AS Severity, gate AS Gate, risk AS Risk, reversible AS Reversible,
        requested_at AS RequestedAt, deadline AS Deadline, escalation_level AS EscalationLevel, required_tier AS RequiredTier,
        state AS State, version AS Version
        """;

    /// <inheritdoc />
    public async Task<ApprovalRequest?> GetAsync(string investigationId, string actionId, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM approval_requests WHERE investigation_id = @investigationId AND action_id = @actionId;",
                new { investigationId, actionId }, cancellationToken: cancellationToken));
            return row?.ToRequest();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO approval_requests (investigation_id, action_id, logical_action, target_type, target_value, severity, gate, risk,
                                           reversible, requested_at, deadline, escalation_level, required_tier, state, version)
            VALUES (@InvestigationId, @ActionId, @LogicalAction, @TargetType, @TargetValue, @Severity, @Gate, @Risk, @Reversible,
                    @RequestedAt, @Deadline, @EscalationLevel, @RequiredTier, @State, 1)
            ON CONFLICT (investigation_id, action_id) DO NOTHING;
            """, Parameters.Of(request), cancellationToken: cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
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
        return await database.ReadAsync<IReadOnlyList<ApprovalRequest>>(async connection =>
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"""
                SELECT {Columns} FROM approval_requests
                WHERE state = 'open' AND deadline <= @now
                ORDER BY deadline, investigation_id, action_id
                LIMIT @limit;
                """, new { now = StoreText.Timestamp(now), limit }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToRequest())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IReadOnlyList<ApprovalRequest>>(async connection =>
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"""
                SELECT {Columns} FROM approval_requests
                WHERE state IN ('open', 'held')
                ORDER BY deadline IS NULL, deadline, investigation_id, action_id
                LIMIT @limit;
                """, new { limit }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToRequest())];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task CloseAsync(string investigationId, string actionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE approval_requests SET state = 'closed', deadline = NULL, version = version + 1
            WHERE investigation_id = @investigationId AND action_id = @actionId AND state <> 'closed';
            """, new { investigationId, actionId }, cancellationToken: cancellationToken));
    }

    private sealed record Parameters(
        string InvestigationId, string ActionId, string LogicalAction, string TargetType, byte[] TargetValue, string Severity, string Gate,
        string Risk, bool Reversible, string RequestedAt, string? Deadline, int EscalationLevel, string RequiredTier, string State, long Version)
    {
        // The target is an observable taken from the alert: attacker-written, kept exactly (PostgresExactText).
        public static Parameters Of(ApprovalRequest r) => new(
            r.InvestigationId, r.ActionId, r.LogicalAction, ObservableTypeNames.ToWire(r.Target.Type), PostgresExactText.Bytes(r.Target.Value),
            StoreText.Name(r.Severity), StoreText.Name(r.Gate), StoreText.Name(r.Risk), r.Reversible,
            StoreText.Timestamp(r.RequestedAt), r.Deadline is { } d ? StoreText.Timestamp(d) : null, r.EscalationLevel, r.RequiredTier,
            StoreText.Name(r.State), r.Version);
    }

    private sealed class Row
    {
        public string InvestigationId { get; set; } = "";
        public string ActionId { get; set; } = "";
        public string LogicalAction { get; set; } = "";
        public string TargetType { get; set; } = "";
        public byte[] TargetValue { get; set; } = [];
        public string Severity { get; set; } = "";
        public string Gate { get; set; } = "";
        public string Risk { get; set; } = "";
        public bool Reversible { get; set; }
        public string RequestedAt { get; set; } = "";
        public string? Deadline { get; set; }
        public int EscalationLevel { get; set; }
        public string RequiredTier { get; set; } = "";
        public string State { get; set; } = "";
        public long Version { get; set; }

        public ApprovalRequest ToRequest() => new()
        {
            InvestigationId = InvestigationId,
            ActionId = ActionId,
            LogicalAction = LogicalAction,
            Target = new Observable(ObservableTypeNames.TryParse(TargetType, out var type)
                ? type : throw new InvalidOperationException($"Unknown observable type '{TargetType}' in approval_requests."), PostgresExactText.Text(TargetValue)),
            Severity = StoreText.Parse<Severity>(Severity),
            Gate = StoreText.Parse<ApprovalClass>(Gate),
            Risk = StoreText.Parse<ActionRisk>(Risk),
            Reversible = Reversible,
            RequestedAt = StoreText.ParseTimestamp(RequestedAt),
            Deadline = Deadline is null ? null : StoreText.ParseTimestamp(Deadline),
            EscalationLevel = EscalationLevel,
            RequiredTier = RequiredTier,
            State = StoreText.Parse<ApprovalRequestState>(State),
            Version = Version,
        };
    }
}
