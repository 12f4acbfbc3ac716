using AgenticIR.Storage.Sqlite;

namespace AgenticIR.Worker.Tests.Support;

/// <summary>A fresh, migrated state database in its own temp folder, for tests that run a command with <c>--db</c>.</summary>
internal sealed class CliDatabase(string prefix) : IAsyncDisposable
{
    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory(prefix);

    public string FilePath => Path.Combine(Work.FullName, "state.db");

    public SqliteStoreOptions Options => new() { Path = FilePath };

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        new SqliteStateStore(Options, TimeProvider.System).InitializeAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Work.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
