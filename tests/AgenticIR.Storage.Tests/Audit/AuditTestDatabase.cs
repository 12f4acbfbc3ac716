using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>A fresh, migrated database file per test, a log over it, and raw SQL access for tampering.</summary>
internal sealed class AuditTestDatabase : IDisposable
{
    private readonly TempSqliteDatabase _database = new();
    private readonly List<SqliteAuditLog> _logs = [];

    public string DatabasePath => _database.FilePath;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public SqliteAuditLog Log { get; private set; } = null!;

    public static async Task<AuditTestDatabase> CreateAsync()
    {
        var database = new AuditTestDatabase();
        await database._database.MigratedAsync();
        database.Log = database.OpenLog();
        return database;
    }

    /// <summary>Another log on the same file with its own write gate and connection pool, as a second process would have.</summary>
    public SqliteAuditLog OpenLog(TimeSpan? busyTimeout = null)
    {
        var log = new SqliteAuditLog(new SqliteStoreOptions { Path = DatabasePath, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30) }, Time, ownWriteGate: true);
        _logs.Add(log);
        return log;
    }

    public async Task<IReadOnlyList<AuditRecord>> AppendManyAsync(int count, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        for (var i = 1; i <= count; i++)
        {
            records.Add(await Log.AppendAsync(AuditEntries.Sample(i), cancellationToken));
            Time.Advance(TimeSpan.FromMinutes(1));
        }
        return records;
    }

    /// <summary>Runs SQL straight against the file, outside the log, as someone tampering with it would.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var log in _logs) log.Dispose();
        _database.Dispose();
    }
}
