using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Storage.Sqlite.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite;

/// <summary>The embedded state store: one SQLite file in WAL mode. SQLite admits one writer at a time, so writes in
/// this process queue on a gate per database file (no busy-wait between our own connections) and each runs in a
/// BEGIN IMMEDIATE transaction (other processes wait on the busy timeout). Reads run in parallel on pooled connections.</summary>
public sealed partial class SqliteStateStore : IStateStore
{

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate;
    private readonly Action? _afterCommit;
    // The audit trail on this file, which the announcements' records are appended to in the save's transaction; null when
    // the trail is elsewhere (the auditor then appends on delivery).
    private readonly SqliteAuditLog? _audit;

    /// <summary>Creates a store over <see cref="SqliteStoreOptions.Path"/>; call <see cref="InitializeAsync"/> before use.</summary>
    public SqliteStateStore(SqliteStoreOptions options, TimeProvider time)
        : this(options, time, null)
    {
    }

    /// <summary>Creates a store that writes the audit records its saves' messages carry to <paramref name="audit"/> in the
    /// save's transaction, when that log is on the same file (otherwise it behaves like the store without one).</summary>
    public SqliteStateStore(SqliteStoreOptions options, TimeProvider time, SqliteAuditLog? audit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _connections = new SqliteConnectionFactory(options);
        _time = time;
        _writeGate = SqliteWriteGates.For(_connections.FilePath);
        _afterCommit = options.AfterCommit;
        _audit = audit is not null && string.Equals(audit.FilePath, _connections.FilePath, StringComparison.Ordinal) ? audit : null;
    }

    /// <inheritdoc />
    public bool AuditsInSave => _audit is not null;

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath => _connections.FilePath;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_connections.FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            await SqliteMigrator.MigrateAsync(connection, _time, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _connections.WriteAsync(_writeGate, work, _afterCommit, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>True for a primary-key or unique violation (SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE).</summary>
    private static bool IsDuplicateKey(SqliteException ex) => ex.SqliteExtendedErrorCode is 1555 or 2067;

    /// <summary>A duplicate investigation id or intake key means another writer got there first: the caller re-reads.</summary>
    private static ConcurrencyConflictException Conflict(string investigationId, long expectedVersion) => new(investigationId, expectedVersion);
}
