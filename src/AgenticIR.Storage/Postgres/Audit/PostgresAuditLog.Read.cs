using System.Runtime.CompilerServices;
using System.Text;
using AgenticIR.Core.Audit;
using Npgsql;

namespace AgenticIR.Storage.Postgres.Audit;

internal sealed partial class PostgresAuditLog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await database.ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {PostgresAuditRow.Columns} FROM audit_records WHERE sequence >= $1 ORDER BY sequence LIMIT $2;", connection)
            {
                Parameters = { new NpgsqlParameter<long> { TypedValue = fromSequence }, new NpgsqlParameter<int> { TypedValue = limit } },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<AuditRecord>(Math.Min(limit, 1024));
            while (await reader.ReadAsync(cancellationToken)) records.Add(PostgresAuditRow.Stored(reader).Read());
            return records;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> StreamAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder($"SELECT {PostgresAuditRow.Columns} FROM audit_records WHERE true");
        void Filter(string condition, NpgsqlParameter parameter)
        {
            command.Parameters.Add(parameter);
            sql.Append(" AND ").Append(condition.Replace("$p", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }
        if (query.Since is { } since) Filter("timestamp >= $p", new NpgsqlParameter<string> { TypedValue = AuditCanonicalEncoding.FormatTimestamp(since) });
        if (query.Until is { } until) Filter("timestamp < $p", new NpgsqlParameter<string> { TypedValue = AuditCanonicalEncoding.FormatTimestamp(until) });
        // Exact bytes on both sides: an id cut at a NUL, or differing in any byte, does not match.
        if (query.InvestigationId is not null) Filter("investigation_id = $p", new NpgsqlParameter<byte[]> { TypedValue = PostgresExactText.Bytes(query.InvestigationId) });
        if (query.ActionType is not null) Filter("action_type = $p", new NpgsqlParameter<byte[]> { TypedValue = PostgresExactText.Bytes(query.ActionType) });
        if (query.ThroughSequence is { } through) Filter("sequence <= $p", new NpgsqlParameter<long> { TypedValue = through });
        command.CommandText = sql.Append(" ORDER BY sequence;").ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return PostgresAuditRow.Stored(reader).Read();
    }
}
