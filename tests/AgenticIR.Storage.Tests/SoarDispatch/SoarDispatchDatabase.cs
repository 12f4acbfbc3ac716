using AgenticIR.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.SoarDispatch;

/// <summary>A fresh SQLite file with the state store's migrations applied, as the worker prepares it.</summary>
public abstract class SoarDispatchDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(T0);

    internal SqliteStoreOptions Options => new() { Path = Path.Combine(_directory, "state.db") };

    public async ValueTask InitializeAsync() =>
        await new SqliteStateStore(Options, Time).InitializeAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
