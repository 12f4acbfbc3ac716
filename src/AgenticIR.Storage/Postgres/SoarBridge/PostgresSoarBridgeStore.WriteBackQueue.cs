using AgenticIR.Core.Playbooks;
using Dapper;

namespace AgenticIR.Storage.Postgres.SoarBridge;

internal sealed partial class PostgresSoarBridgeStore
{
    /// <inheritdoc />
    public async Task QueueWriteBackAsync(string investigationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        // Most investigations of a worker that also reads files feed no container: a read settles those without a write.
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM soar_container_link WHERE investigation_id = @investigationId);",
                    new { investigationId }, cancellationToken: cancellationToken)))
                return;
        }
        await ExecuteAsync(
            """
            INSERT INTO soar_write_back_queue AS q (investigation_id, generation, queued_at)
            SELECT @investigationId, 1, @now
            WHERE EXISTS (SELECT 1 FROM soar_container_link WHERE investigation_id = @investigationId)
            ON CONFLICT (investigation_id) DO UPDATE SET generation = q.generation + 1, queued_at = excluded.queued_at;
            """, new { investigationId, now = Now() }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SoarWriteBackRequest>> ListQueuedWriteBacksAsync(string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return await database.ReadAsync<IReadOnlyList<SoarWriteBackRequest>>(async connection =>
        {
            var rows = await connection.QueryAsync<(string InvestigationId, long Generation)>(new CommandDefinition(
                """
                SELECT q.investigation_id, q.generation FROM soar_write_back_queue q
                WHERE EXISTS (SELECT 1 FROM soar_container_link l WHERE l.investigation_id = q.investigation_id AND l.instance = @instance)
                ORDER BY q.queued_at, q.investigation_id;
                """, new { instance }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => new SoarWriteBackRequest(r.InvestigationId, r.Generation))];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteWriteBackAsync(SoarWriteBackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(
            "DELETE FROM soar_write_back_queue WHERE investigation_id = @InvestigationId AND generation = @Generation;",
            new { request.InvestigationId, request.Generation }, cancellationToken);
    }
}
