using AgenticIR.Core.Playbooks;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.SoarBridge;

internal sealed partial class PostgresSoarBridgeStore
{
    private const string WriteColumns =
        """
        instance AS Instance, container_id AS ContainerId, item_key AS ItemKey, soar_id AS SoarId,
        content_hash AS ContentHash, state AS State
        """;

    /// <inheritdoc />
    public async Task<SoarWriteEntry?> GetWriteAsync(string instance, long containerId, string itemKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemKey);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<WriteRow>(new CommandDefinition(
                $"SELECT {WriteColumns} FROM soar_write_ledger WHERE instance = @instance AND container_id = @containerId AND item_key = @itemKey;",
                new { instance, containerId, itemKey }, cancellationToken: cancellationToken));
            return row?.ToEntry();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveWriteAsync(SoarWriteEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteAsync(
            """
            INSERT INTO soar_write_ledger AS w (instance, container_id, item_key, soar_id, content_hash, state, updated_at)
            VALUES (@Instance, @ContainerId, @ItemKey, @SoarId, @ContentHash, @State, @now)
            ON CONFLICT (instance, container_id, item_key) DO UPDATE SET
                soar_id = COALESCE(excluded.soar_id, w.soar_id), content_hash = excluded.content_hash,
                state = excluded.state, updated_at = excluded.updated_at;
            """,
            new { entry.Instance, entry.ContainerId, entry.ItemKey, entry.SoarId, entry.ContentHash, State = StoreText.Name(entry.State), now = Now() },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SoarWriteEntry>> ListWritesAsync(string instance, long containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return await database.ReadAsync(async connection =>
        {
            var rows = await connection.QueryAsync<WriteRow>(new CommandDefinition(
                $"SELECT {WriteColumns} FROM soar_write_ledger WHERE instance = @instance AND container_id = @containerId ORDER BY item_key;",
                new { instance, containerId }, cancellationToken: cancellationToken));
            return rows.Select(r => r.ToEntry()).ToList();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SoarCommentEntry?> GetCommentAsync(string instance, long containerId, long commentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        return await database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<CommentRow>(new CommandDefinition(
                """
                SELECT instance AS Instance, container_id AS ContainerId, comment_id AS CommentId, accepted AS Accepted,
                       message AS Message, state AS State
                FROM soar_comment_ledger WHERE instance = @instance AND container_id = @containerId AND comment_id = @commentId;
                """, new { instance, containerId, commentId }, cancellationToken: cancellationToken));
            return row?.ToEntry();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveCommentAsync(SoarCommentEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteAsync(
            """
            INSERT INTO soar_comment_ledger (instance, container_id, comment_id, accepted, message, state, updated_at)
            VALUES (@Instance, @ContainerId, @CommentId, @Accepted, @Message, @State, @now)
            ON CONFLICT (instance, container_id, comment_id) DO UPDATE SET
                accepted = excluded.accepted, message = excluded.message, state = excluded.state, updated_at = excluded.updated_at;
            """,
            // The reply quotes what the analyst wrote: kept exactly (PostgresExactText).
            new { entry.Instance, entry.ContainerId, entry.CommentId, entry.Accepted, Message = PostgresExactText.Bytes(entry.Message), State = StoreText.Name(entry.State), now = Now() },
            cancellationToken);
    }

    private sealed class CommentRow
    {
        public string Instance { get; set; } = "";
        public long ContainerId { get; set; }
        public long CommentId { get; set; }
        public bool Accepted { get; set; }
        public byte[] Message { get; set; } = [];
        public string State { get; set; } = "";

        public SoarCommentEntry ToEntry() =>
            new(Instance, ContainerId, CommentId, Accepted, PostgresExactText.Text(Message), StoreText.Parse<SoarCommentState>(State));
    }
}
