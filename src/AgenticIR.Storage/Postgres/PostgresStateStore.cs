using AgenticIR.Core.Ports;
using AgenticIR.Storage.Postgres.Audit;
using AgenticIR.Core.State;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>The state store on PostgreSQL. Any number of workers may share the database: saves carry the version they
/// read (<c>UPDATE … WHERE version = @expected</c>, which the row lock makes exact), the intake ledger's primary key makes
/// an input count once, and every multi-row change is one transaction. With an audit log on the same database, the audit
/// records a save's messages carry are appended in the save's transaction.</summary>
internal sealed partial class PostgresStateStore(PostgresDatabase database, TimeProvider time, Action? afterCommit = null, PostgresAuditLog? audit = null) : IStateStore
{
    /// <inheritdoc />
    public bool AuditsInSave => audit is not null;

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">The server cannot be reached or refuses the connection.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Reaching the server first tells an unreachable store apart from a migration that fails on it. Not retried:
            // a command started against a store that is not there says so at once.
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var store = PostgresConnectionString.Describe(new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString));
            throw new StoreUnavailableException($"the PostgreSQL store {store} cannot be used: {ex.Message}", ex);
        }
        await PostgresMigrator.MigrateAsync(database.DataSource, time, cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken,
        Func<NpgsqlConnection, Task<bool>>? committed = null) =>
        database.RunAsync(work, afterCommit, cancellationToken, committed is null ? null : (connection, _) => committed(connection));

    private Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        database.ReadAsync(work, cancellationToken);

    /// <summary>A duplicate investigation id or intake key means another writer got there first: the caller re-reads.</summary>
    private static ConcurrencyConflictException Conflict(string investigationId, long expectedVersion) => new(investigationId, expectedVersion);
}
