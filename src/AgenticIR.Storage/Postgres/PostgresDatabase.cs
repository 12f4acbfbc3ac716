using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Polly;
using Polly.Retry;

namespace AgenticIR.Storage.Postgres;

/// <summary>The process's connection pool and how every store uses it: a unit of work (a transaction, or a read) that
/// fails because the server went away (restart, failover, network) is run again whole, with backoff, until it succeeds
/// or <see cref="PostgresStoreOptions.RetryWindow"/> has passed since its first failure; then it fails with a
/// <see cref="StoreUnavailableException"/> naming the store. A worker therefore waits out a server restart and resumes.
/// A transaction is only ever retried whole, on a fresh connection; when the connection broke during COMMIT, the outcome
/// is unknown, and the unit's probe (if it has one) asks the database whether it committed before anything is run again.
/// Units without a probe rely on their own idempotence (unique keys, ON CONFLICT, conditional updates).</summary>
internal sealed class PostgresDatabase : IDisposable, IAsyncDisposable
{
    private static readonly ResiliencePropertyKey<long> FirstAttempt = new("agentic-ir.first-attempt");

    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly string _described;
    private int _outage;

    public PostgresDatabase(NpgsqlDataSource dataSource, TimeSpan retryWindow, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        DataSource = dataSource;
        _time = time;
        _window = retryWindow;
        _logger = logger ?? NullLogger.Instance;
        _described = PostgresConnectionString.Describe(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString));
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && PostgresErrors.IsTransient(ex)
                    && !args.Context.CancellationToken.IsCancellationRequested && _time.GetElapsedTime(args.Context.Properties.GetValue(FirstAttempt, 0)) < _window),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(2),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    if (!PostgresErrors.IsConnectionLoss(args.Outcome.Exception!)) return ValueTask.CompletedTask;
                    // After a restart every idle pooled connection is dead: drop them all rather than meet them one by one.
                    DataSource.Clear();
                    // One warning per outage, not one per waiting unit.
                    if (Interlocked.Exchange(ref _outage, 1) == 0) PostgresLog.Waiting(_logger, _described, _window, args.Outcome.Exception!.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The pool (migrations and start-up checks use it directly: they run once and report their own failure).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>An open pooled connection, the opening retried while the server is unreachable (opening changes nothing,
    /// so retrying it is always safe). What the caller does with it is not retried.</summary>
    public Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(static (database, token) => database.DataSource.OpenConnectionAsync(token).AsTask(), this, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a pooled connection outside any explicit transaction; retried whole.
    /// For reads, and for single statements that are idempotent.</summary>
    public Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        ExecuteAsync(static async (state, token) =>
        {
            await using var connection = await state.Database.DataSource.OpenConnectionAsync(token);
            return await state.Work(connection);
        }, (Database: this, Work: work), cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it, retried whole on a fresh connection.
    /// <paramref name="afterCommit"/> runs after the commit (crash injection counts commits). The commit itself is not
    /// cancelled: once the work is done, it either commits or fails, never half-known because a caller gave up. When the
    /// connection fails during the commit, <paramref name="committed"/> (given the unit's result) is asked first whether it
    /// landed; if it did, that result is returned and nothing runs again. When <paramref name="keep"/> is given and says no
    /// to the work's result, the transaction is rolled back instead (an optimistic write that found its assumption stale)
    /// and the result returned as it is.</summary>
    public Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, Action? afterCommit, CancellationToken cancellationToken,
        Func<NpgsqlConnection, T, Task<bool>>? committed = null, IsolationLevel isolation = IsolationLevel.ReadCommitted, Func<T, bool>? keep = null)
    {
        var unit = new Unit<T>(this, work, afterCommit, committed, isolation, keep);
        return ExecuteAsync(static (u, token) => u.AttemptAsync(token), unit, cancellationToken);
    }

    private async Task<T> ExecuteAsync<T, TState>(Func<TState, CancellationToken, Task<T>> attempt, TState state, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(FirstAttempt, _time.GetTimestamp());
        try
        {
            var result = await _pipeline.ExecuteAsync(static (ctx, s) => new ValueTask<T>(s.Attempt(s.State, ctx.CancellationToken)), context, (Attempt: attempt, State: state));
            // The first unit through after an outage says so, once.
            if (Volatile.Read(ref _outage) == 1 && Interlocked.Exchange(ref _outage, 0) == 1) PostgresLog.Resumed(_logger, _described);
            return result;
        }
        catch (Exception ex) when (PostgresErrors.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new StoreUnavailableException(
                $"the PostgreSQL store {_described} did not answer within {_window.TotalSeconds:0} s (Storage:Postgres:RetryWindow): {ex.Message}", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>One transaction's attempts: remembers whether the last one reached COMMIT, and its result.</summary>
    private sealed class Unit<T>(PostgresDatabase database, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, Action? afterCommit,
        Func<NpgsqlConnection, T, Task<bool>>? committed, IsolationLevel isolation, Func<T, bool>? keep)
    {
        private bool _commitSent;
        private T _result = default!;

        public async Task<T> AttemptAsync(CancellationToken cancellationToken)
        {
            if (_commitSent && committed is not null)
            {
                await using var probe = await database.DataSource.OpenConnectionAsync(cancellationToken);
                if (await committed(probe, _result))
                {
                    afterCommit?.Invoke();
                    return _result;
                }
            }
            _commitSent = false;
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
            var result = await work(connection, transaction);
            if (keep is not null && !keep(result))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return result;
            }
            _result = result;
            _commitSent = true;
            await transaction.CommitAsync(CancellationToken.None);
            _commitSent = false;
            afterCommit?.Invoke();
            return result;
        }
    }
}
