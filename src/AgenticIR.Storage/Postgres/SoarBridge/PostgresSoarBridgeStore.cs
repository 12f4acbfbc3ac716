using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.SoarBridge;

/// <summary>The Splunk SOAR bridge's cursors, links and ledgers on PostgreSQL. Each write is one transaction; cursors only
/// move forward (<c>GREATEST</c> inside the upsert, under the row lock), so a late or repeated write, from this worker or
/// another, never moves one back.</summary>
internal sealed partial class PostgresSoarBridgeStore(PostgresDatabase database, TimeProvider time) : ISoarBridgeStore
{
    private const string LinkColumns =
        """
        instance AS Instance, container_id AS ContainerId, investigation_id AS InvestigationId,
        last_artifact_id AS LastArtifactId, last_update_time AS LastUpdateTime, comment_cursor AS CommentCursor
        """;

    /// <inheritdoc />
    public async Task<SoarIntakeCursor> GetCursorAsync(string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<CursorRow>(new CommandDefinition(
                "SELECT last_container_id AS LastContainerId, last_update_time AS LastUpdateTime FROM soar_intake_cursor WHERE instance = @instance;",
                new { instance }, cancellationToken: cancellationToken));
            return row is null
                ? new SoarIntakeCursor(0, null)
                : new SoarIntakeCursor(row.LastContainerId, row.LastUpdateTime is null ? null : StoreText.ParseTimestamp(row.LastUpdateTime));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AdvanceContainerCursorAsync(string instance, long containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return ExecuteAsync(
            """
            INSERT INTO soar_intake_cursor AS c (instance, last_container_id, last_update_time, updated_at)
            VALUES (@instance, @containerId, NULL, @now)
            ON CONFLICT (instance) DO UPDATE SET
                last_container_id = GREATEST(c.last_container_id, excluded.last_container_id), updated_at = excluded.updated_at;
            """, new { instance, containerId, now = Now() }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AdvanceUpdateCursorAsync(string instance, DateTimeOffset updateTime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return ExecuteAsync(
            """
            INSERT INTO soar_intake_cursor AS c (instance, last_container_id, last_update_time, updated_at)
            VALUES (@instance, 0, @updateTime, @now)
            ON CONFLICT (instance) DO UPDATE SET
                last_update_time = CASE WHEN c.last_update_time IS NULL OR c.last_update_time < excluded.last_update_time
                                        THEN excluded.last_update_time ELSE c.last_update_time END,
                updated_at = excluded.updated_at;
            """, new { instance, updateTime = StoreText.Timestamp(updateTime), now = Now() }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SoarContainerLink?> GetLinkAsync(string instance, long containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
                $"SELECT {LinkColumns} FROM soar_container_link WHERE instance = @instance AND container_id = @containerId;",
                new { instance, containerId }, cancellationToken: cancellationToken));
            return row?.ToLink();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SoarContainerLink>> ListLinksAsync(string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return QueryLinksAsync($"SELECT {LinkColumns} FROM soar_container_link WHERE instance = @instance ORDER BY container_id;",
            new { instance }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SoarContainerLink>> ListLinksForInvestigationAsync(string investigationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        return QueryLinksAsync(
            $"SELECT {LinkColumns} FROM soar_container_link WHERE investigation_id = @investigationId ORDER BY instance, container_id;",
            new { investigationId }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveLinkAsync(SoarContainerLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        // The investigation of a link never changes: a container feeds the investigation that first took it. A new link
        // is a new container to write into, so it queues the write-back (the investigation's own messages were delivered
        // before the link existed).
        return ExecuteAsync(
            """
            INSERT INTO soar_write_back_queue AS q (investigation_id, generation, queued_at)
            SELECT @InvestigationId, 1, @now
            WHERE NOT EXISTS (SELECT 1 FROM soar_container_link WHERE instance = @Instance AND container_id = @ContainerId)
            ON CONFLICT (investigation_id) DO UPDATE SET generation = q.generation + 1, queued_at = excluded.queued_at;
            INSERT INTO soar_container_link AS l
                (instance, container_id, investigation_id, last_artifact_id, last_update_time, comment_cursor, created_at, updated_at)
            VALUES (@Instance, @ContainerId, @InvestigationId, @LastArtifactId, @LastUpdateTime, @CommentCursor, @now, @now)
            ON CONFLICT (instance, container_id) DO UPDATE SET
                last_artifact_id = GREATEST(l.last_artifact_id, excluded.last_artifact_id),
                last_update_time = CASE WHEN l.last_update_time IS NULL OR l.last_update_time < excluded.last_update_time
                                        THEN excluded.last_update_time ELSE l.last_update_time END,
                updated_at = excluded.updated_at;
            """,
            new
            {
                link.Instance, link.ContainerId, link.InvestigationId, link.LastArtifactId,
                LastUpdateTime = link.LastUpdateTime is { } at ? StoreText.Timestamp(at) : null,
                link.CommentCursor, now = Now(),
            }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AdvanceCommentCursorAsync(string instance, long containerId, long commentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return ExecuteAsync(
            """
            UPDATE soar_container_link SET comment_cursor = GREATEST(comment_cursor, @commentId), updated_at = @now
            WHERE instance = @instance AND container_id = @containerId;
            """, new { instance, containerId, commentId, now = Now() }, cancellationToken);
    }

    private async Task<IReadOnlyList<SoarContainerLink>> QueryLinksAsync(string sql, object args, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToLink()).ToList();
        }, cancellationToken);
    }

    private Task<int> ExecuteAsync(string sql, object args, CancellationToken cancellationToken) =>
        database.RunAsync((connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken)), null, cancellationToken);

    private string Now() => StoreText.Timestamp(time.GetUtcNow());
}
