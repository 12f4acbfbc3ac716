using AgenticIR.Core.Ports;
using AgenticIR.Core.Retention;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Sqlite.Retention;

/// <summary>The retention pass on the SQLite file (<see cref="RetentionPass"/>). Each transaction takes the file's write
/// gate like every other write; freed pages are reused by later writes (the file does not shrink without VACUUM).</summary>
internal sealed class SqliteRetentionStore : IRetentionStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SemaphoreSlim _writeGate;
    private readonly Action? _afterCommit;

    public SqliteRetentionStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connections = new SqliteConnectionFactory(options);
        _writeGate = SqliteWriteGates.For(_connections.FilePath);
        _afterCommit = options.AfterCommit;
    }

    /// <inheritdoc />
    public Task<RetentionCounts> PruneAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken) =>
        RetentionPass.RunAsync(cutoffs, dryRun, async (steps, parameters) =>
        {
            if (dryRun)
            {
                await using var connection = await _connections.OpenAsync(cancellationToken);
                var counts = new List<long>(steps.Count);
                foreach (var step in steps)
                    counts.Add(await connection.ExecuteScalarAsync<long>(new CommandDefinition(step.Count, parameters, cancellationToken: cancellationToken)));
                return counts;
            }
            return await _connections.WriteAsync<IReadOnlyList<long>>(_writeGate, async (connection, transaction) =>
            {
                var counts = new List<long>(steps.Count);
                foreach (var step in steps)
                    counts.Add(await connection.ExecuteAsync(new CommandDefinition(step.Delete, parameters, transaction, cancellationToken: cancellationToken)));
                return counts;
            }, _afterCommit, cancellationToken);
        });
}
