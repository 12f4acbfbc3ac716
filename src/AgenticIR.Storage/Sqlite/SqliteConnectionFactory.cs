using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AgenticIR.Storage.Sqlite;

/// <summary>The one place connections are opened. Pooling keeps physical connections open, so per-connection pragmas
/// (synchronous, foreign keys, busy timeout) are set once per physical handle rather than on every open.</summary>
internal sealed class SqliteConnectionFactory
{
    private readonly ConditionalWeakTable<sqlite3, object> _prepared = [];
    private readonly string _connectionPragmas;
    private const long WalSizeLimit = 16L * 1024 * 1024;

    public SqliteConnectionFactory(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        FilePath = System.IO.Path.GetFullPath(options.Path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        // journal_size_limit: the WAL is checkpointed every 1000 pages, and after a checkpoint it is truncated back to this
        // size, so a burst does not leave the file at its high-water mark.
        // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commits.
        _connectionPragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_size_limit = {WalSizeLimit};");
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction under the file's write gate and commits it;
    /// <paramref name="afterCommit"/> runs after each commit (crash injection counts commits).</summary>
    public async Task<T> WriteAsync<T>(SemaphoreSlim writeGate, Func<SqliteConnection, SqliteTransaction, Task<T>> work, Action? afterCommit,
        CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            transaction.Commit();
            afterCommit?.Invoke();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle!;
            if (!_prepared.TryGetValue(handle, out _))
            {
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = _connectionPragmas;
                    command.ExecuteNonQuery();
                }
                _prepared.AddOrUpdate(handle, handle);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
