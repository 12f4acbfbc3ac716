using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Metrics;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>A fresh SQLite state store file with the metrics outbox on it.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    public SqliteStoreOptions Options => new() { Path = Path.Combine(_directory, "state.db") };

    public async Task<SqliteMetricsOutbox> OutboxAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        await new SqliteStateStore(Options, time).InitializeAsync(cancellationToken);
        return new SqliteMetricsOutbox(Options, time);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
