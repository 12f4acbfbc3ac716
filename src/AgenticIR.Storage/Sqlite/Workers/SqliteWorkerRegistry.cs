using System.Data.Common;
using AgenticIR.Storage.Shared.Workers;

namespace AgenticIR.Storage.Sqlite.Workers;

/// <summary>The worker registry on the embedded store. Every change is one BEGIN IMMEDIATE transaction under the file's
/// write gate: SQLite's single writer makes a takeover's pick-and-claim one step for every process on the file.</summary>
internal sealed class SqliteWorkerRegistry : WorkerRegistryStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SemaphoreSlim _writeGate;

    public SqliteWorkerRegistry(SqliteStoreOptions options, TimeProvider time) : base(time)
    {
        _connections = new SqliteConnectionFactory(options);
        _writeGate = SqliteWriteGates.For(_connections.FilePath);
    }

    protected override string TakeOverCandidatesSql { get; } = CandidatesSql("");

    protected override Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _connections.WriteAsync(_writeGate, (c, t) => work(c, t), null, cancellationToken);

    protected override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await work(connection);
    }
}
