using System.Runtime.CompilerServices;
using System.Text;
using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Sqlite.Audit;

public sealed partial class SqliteAuditLog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditRow.Columns} FROM audit_records WHERE sequence >= $from ORDER BY sequence LIMIT $limit;";
        command.Parameters.AddWithValue("$from", fromSequence);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>(Math.Min(limit, 1024));
        while (await reader.ReadAsync(cancellationToken)) records.Add(AuditRow.Read(reader));
        return records;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> StreamAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {AuditRow.Columns} FROM audit_records WHERE 1 = 1");
        if (query.Since is { } since)
        {
            sql.Append(" AND timestamp >= $since");
            command.Parameters.AddWithValue("$since", AuditCanonicalEncoding.FormatTimestamp(since));
        }
        if (query.Until is { } until)
        {
            sql.Append(" AND timestamp < $until");
            command.Parameters.AddWithValue("$until", AuditCanonicalEncoding.FormatTimestamp(until));
        }
        if (query.InvestigationId is not null)
        {
            sql.Append(" AND investigation_id = ").Append(SqliteExactText.Cast("$investigation"));
            command.Parameters.AddWithValue("$investigation", SqliteExactText.Value(query.InvestigationId));
        }
        if (query.ActionType is not null)
        {
            sql.Append(" AND action_type = ").Append(SqliteExactText.Cast("$action"));
            command.Parameters.AddWithValue("$action", SqliteExactText.Value(query.ActionType));
        }
        if (query.ThroughSequence is { } through)
        {
            sql.Append(" AND sequence <= $through");
            command.Parameters.AddWithValue("$through", through);
        }
        command.CommandText = sql.Append(" ORDER BY sequence;").ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return AuditRow.Read(reader);
    }
}
