using AgenticIR.Core.Ports;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Tests.Contract;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Storage.Tests.Sqlite;

/// <summary>SQLite-only behaviour: the migration ledger, journal mode, start-up races and registration.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "nested", "state.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_FreshFileInMissingFolder_CreatesFolderWalFileAndRecordsEachMigrationOnce()
    {
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = DatabasePath }, TimeProvider.System);

        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        var migrations = (await connection.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY version;")).ToList();
        var shipped = Directory.GetFiles(Path.Combine(AgenticIR.Testing.RepoPaths.Root, "src", "AgenticIR.Storage", "Sqlite", "Migrations"), "*.sql")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shipped, migrations);
        Assert.Equal("0001_initial", migrations[0]);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task InitializeAsync_FreshFile_UsesTwoKilobytePages()
    {
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = DatabasePath }, TimeProvider.System);

        await store.InitializeAsync(Ct);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        Assert.Equal(SqliteMigrator.PageSize, await connection.ExecuteScalarAsync<long>("PRAGMA page_size;"));
    }

    [Fact]
    public async Task InitializeAsync_FileWithFourKilobytePages_KeepsItsPagesAndItsInvestigationsRead()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using (var existing = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await existing.OpenAsync(Ct);
            await existing.ExecuteAsync("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE kept (id INTEGER PRIMARY KEY);");
        }
        var store = new SqliteStateStore(new SqliteStoreOptions { Path = DatabasePath }, TimeProvider.System);
        await store.InitializeAsync(Ct);
        var record = SampleRecords.Full("inv-4k", DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await store.CreateAsync(record, null, Ct);

        var read = await new SqliteStateStore(new SqliteStoreOptions { Path = DatabasePath }, TimeProvider.System).GetAsync("inv-4k", Ct);

        Assert.Equal(record.Report!.Findings.Select(f => f.Title), read!.Report!.Findings.Select(f => f.Title));
        Assert.Equal(record.Timeline.Select(t => t.Description), read.Timeline.Select(t => t.Description));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        Assert.Equal(4096L, await connection.ExecuteScalarAsync<long>("PRAGMA page_size;"));
    }

    [Fact]
    public async Task InitializeAsync_SeveralStoresAtOnce_AllSucceedAndApplyOnce()
    {
        // Separate pools per connection string stand in for separate processes racing at start-up.
        var stores = Enumerable.Range(0, 4)
            .Select(i => new SqliteStateStore(new SqliteStoreOptions { Path = DatabasePath, BusyTimeout = TimeSpan.FromSeconds(10 + i) }, TimeProvider.System))
            .ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(Ct), Ct)));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version;")).ToList();
        var shipped = Directory.GetFiles(Path.Combine(AgenticIR.Testing.RepoPaths.Root, "src", "AgenticIR.Storage", "Sqlite", "Migrations"), "*.sql")
            .Select(f => long.Parse(Path.GetFileName(f)[..4], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Equal(shipped, versions);
    }

    [Fact]
    public async Task OpenAsync_FreshAndPooledConnections_RunWithNormalSyncForeignKeysAndBusyTimeout()
    {
        var factory = new SqliteConnectionFactory(new SqliteStoreOptions { Path = DatabasePath, BusyTimeout = TimeSpan.FromSeconds(7) });
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);

        for (var open = 0; open < 3; open++)
        {
            await using var connection = await factory.OpenAsync(Ct);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
            Assert.Equal(7000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));
        }
    }

    [Fact]
    public void Constructor_RelativePath_ResolvesAgainstWorkingDirectory()
    {
        var store = new SqliteStateStore(new SqliteStoreOptions(), TimeProvider.System);

        Assert.Equal(Path.GetFullPath("agentic-ir-data/agentic-ir.db"), store.FilePath);
    }

    [Fact]
    public void AddStorage_CalledTwice_RegistersOneSingletonStore()
    {
        var services = new ServiceCollection();

        services.AddStorage();
        services.AddStorage();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IStateStore));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
