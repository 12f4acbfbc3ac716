using AgenticIR.Core.Ports;
using AgenticIR.Core.Retention;
using AgenticIR.Storage.Shared;
using Dapper;

namespace AgenticIR.Storage.Postgres.Retention;

/// <summary>The retention pass on PostgreSQL (<see cref="RetentionPass"/>). Workers running it at the same moment delete
/// the same rows: the second transaction waits on the first's row locks and then finds them gone.</summary>
internal sealed class PostgresRetentionStore(PostgresDatabase database, Action? afterCommit = null) : IRetentionStore
{
    /// <inheritdoc />
    public Task<RetentionCounts> PruneAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken) =>
        RetentionPass.RunAsync(cutoffs, dryRun, async (steps, parameters) =>
        {
            if (dryRun)
            {
                return await database.ReadAsync<IReadOnlyList<long>>(async connection =>
                {
                    var counts = new List<long>(steps.Count);
                    foreach (var step in steps)
                        counts.Add(await connection.ExecuteScalarAsync<long>(new CommandDefinition(step.Count, parameters, cancellationToken: cancellationToken)));
                    return counts;
                }, cancellationToken);
            }
            // Retried whole after an outage: deletes of rows already gone count nothing, so a retried pass is still right.
            return await database.RunAsync<IReadOnlyList<long>>(async (connection, transaction) =>
            {
                var counts = new List<long>(steps.Count);
                foreach (var step in steps)
                    counts.Add(await connection.ExecuteAsync(new CommandDefinition(step.Delete, parameters, transaction, cancellationToken: cancellationToken)));
                return counts;
            }, afterCommit, cancellationToken);
        });
}
