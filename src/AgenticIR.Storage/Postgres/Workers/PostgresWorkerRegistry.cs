using System.Data.Common;
using AgenticIR.Storage.Shared.Workers;

namespace AgenticIR.Storage.Postgres.Workers;

/// <summary>The worker registry on PostgreSQL. A takeover locks the investigations it picks with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two workers taking over at once split the orphans instead of waiting on each other,
/// and a claim's UPSERT re-checks the holder under the row lock, so one claimer wins.</summary>
internal sealed class PostgresWorkerRegistry(PostgresDatabase database, TimeProvider time) : WorkerRegistryStore(time)
{
    protected override string TakeOverCandidatesSql { get; } = CandidatesSql("FOR UPDATE OF i SKIP LOCKED");

    protected override Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        database.RunAsync((c, t) => work(c, t), null, cancellationToken);

    protected override Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        database.ReadAsync(c => work(c), cancellationToken);
}
