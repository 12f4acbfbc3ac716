using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    private const string PendingReview = "pending";

    /// <inheritdoc />
    public Task AppendMessageAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WriteAsync((connection, transaction) => InsertMessageAsync(connection, transaction, message, cancellationToken), cancellationToken);
    }

    private static Task<int> InsertMessageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BusMessage message, CancellationToken cancellationToken)
    {
        // A message nobody subscribes to has nothing to wait for: it is history from the start.
        var delivered = message.Unsubscribed;
        var args = new
        {
            message.Id,
            Type = StoreText.MessageType(message.Type),
            message.InvestigationId,
            Summary = PostgresExactText.Bytes(message.Summary),
            CreatedAt = StoreText.Timestamp(message.CreatedAt),
            State = delivered ? "delivered" : "pending",
            DeliveredAt = delivered ? StoreText.Timestamp(message.CreatedAt) : null,
        };
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bus_messages (id, type, investigation_id, summary, created_at, state, delivered_at)
            VALUES (@Id, @Type, @InvestigationId, @Summary, @CreatedAt, @State, @DeliveredAt)
            ON CONFLICT (id) DO NOTHING;
            """, args, transaction, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BusMessage>> ListMessagesAsync(string investigationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        return ReadAsync<IReadOnlyList<BusMessage>>(async connection =>
        {
            var rows = await connection.QueryAsync<BusMessageRow>(new CommandDefinition(
                """
                SELECT id AS Id, type AS Type, investigation_id AS InvestigationId, summary AS Summary, created_at AS CreatedAt
                FROM bus_messages WHERE investigation_id = @investigationId ORDER BY seq;
                """, new { investigationId }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToBusMessage()).ToList();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AddProposalAsync(string investigationId, CalibrationProposal proposal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        ArgumentNullException.ThrowIfNull(proposal);
        var args = new
        {
            investigationId,
            proposal.Parameter,
            proposal.Current,
            proposal.Proposed,
            proposal.Rationale,
            status = PendingReview,
            createdAt = StoreText.Timestamp(time.GetUtcNow()),
        };
        return WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO review_queue (investigation_id, parameter, current_value, proposed_value, rationale, status, created_at)
            VALUES (@investigationId, @Parameter, @Current, @Proposed, @Rationale, @status, @createdAt);
            """, args, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListProposalsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ReviewItem>>(async connection =>
        {
            var rows = await connection.QueryAsync<ReviewRow>(new CommandDefinition(
                """
                SELECT id AS Id, investigation_id AS InvestigationId, parameter AS Parameter, current_value AS CurrentValue,
                       proposed_value AS ProposedValue, rationale AS Rationale, status AS Status, created_at AS CreatedAt
                FROM review_queue WHERE status = @status ORDER BY created_at, id;
                """, new { status = PendingReview }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToReviewItem()).ToList();
        }, cancellationToken);
}
