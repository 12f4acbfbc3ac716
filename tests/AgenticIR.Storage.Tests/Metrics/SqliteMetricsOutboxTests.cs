using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite.Metrics;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Metrics;

/// <summary>The contract suite on a fresh SQLite file per test.</summary>
public sealed class SqliteMetricsOutboxTests : MetricsOutboxContract, IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    protected override async Task<IMetricsOutbox> CreateOutboxAsync() => new SqliteMetricsOutbox(await _database.MigratedAsync(Time), Time);

    public void Dispose() => _database.Dispose();
}
