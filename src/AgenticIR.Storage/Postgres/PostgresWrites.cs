using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>One transaction on a pooled connection. PostgreSQL serializes conflicting writers itself (row locks, unique
/// indexes, and advisory locks where a check and a write must be one step), so unlike SQLite no process-wide gate is needed.</summary>
internal static class PostgresWrites
{
    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; <paramref name="afterCommit"/> runs after the
    /// commit (crash injection counts commits). The commit itself is not cancelled: once the work is done, it either
    /// commits or fails, never half-known because a caller gave up.</summary>
    public static async Task<T> RunAsync<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, Action? afterCommit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(CancellationToken.None);
        afterCommit?.Invoke();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection outside any explicit transaction (each statement commits alone).</summary>
    public static async Task<T> ReadAsync<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }
}
