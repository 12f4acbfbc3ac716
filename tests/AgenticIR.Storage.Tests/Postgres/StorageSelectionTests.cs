using AgenticIR.Core.Audit;
using AgenticIR.Core.Ports;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The one place the back end is chosen (<see cref="StorageServiceCollectionExtensions.AddStorage"/>): what each
/// setting of <c>Storage:Backend</c> gives, and what a bad one says.</summary>
public sealed class StorageSelectionTests
{
    private const string Password = "hunter2-secret";

    private static ServiceProvider Build(string backend, string? connection = null, string? sqlitePath = null) => new ServiceCollection()
        .Configure<StorageOptions>(o => o.Backend = backend)
        .Configure<PostgresStoreOptions>(o => o.ConnectionString = connection ?? "")
        .Configure<SqliteStoreOptions>(o => o.Path = sqlitePath ?? Path.Combine(Path.GetTempPath(), "unused.db"))
        .AddStorage()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public async Task AddStorage_PostgresUri_EveryPortOnOneDatabaseThroughOnePool()
    {
        await using var database = new TempPostgresDatabase();
        var admin = await PostgresTestServer.AdminAsync();
        var uri = $"postgresql://{Uri.EscapeDataString(admin.Username!)}:{Uri.EscapeDataString(admin.Password!)}@{admin.Host}:{admin.Port}/{database.Name}";
        await database.ConnectionStringAsync();
        await using var services = Build(uri);

        var store = services.GetRequiredService<IStateStore>();
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        await services.GetRequiredService<IAuditLog>().AppendAsync(Contract.AuditEntries.Sample(1), TestContext.Current.CancellationToken);

        Assert.IsType<PostgresStateStore>(store);
        Assert.Same(services.GetRequiredService<IAuditTrail>(), services.GetRequiredService<IAuditLog>());
        Assert.True((await services.GetRequiredService<IAuditTrail>().VerifyAsync(null, TestContext.Current.CancellationToken)).IsIntact);
    }

    [Fact]
    public void AddStorage_PostgresqlWithKeywordConnection_ChoosesPostgres()
    {
        using var services = Build("PostgreSQL", $"Host=db.example.com;Username=ir;Password={Password};Database=ir");

        Assert.IsType<PostgresStateStore>(services.GetRequiredService<IStateStore>());
    }

    [Fact]
    public void AddStorage_Default_ChoosesTheEmbeddedStore()
    {
        using var services = Build(StorageOptions.SqliteBackend);

        Assert.IsType<SqliteStateStore>(services.GetRequiredService<IStateStore>());
    }

    [Theory]
    [InlineData("postgresql", "", "Storage:Postgres:ConnectionString is empty")]
    [InlineData($"postgresql://ir:{Password}@db.example.com:70000/ir", "", "Storage:Backend (AGENTICIR_STORE, --store) cannot be read: a port in it")]
    [InlineData("postgresql", $"postgresql://ir:{Password}@db.example.com/ir?sslmode=sometimes", "Storage:Postgres:ConnectionString cannot be read: sslmode")]
    public void AddStorage_UnreadableConnection_RefusedAtStartNamingTheSettingNotThePassword(string backend, string connection, string expected)
    {
        using var services = Build(backend, connection);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgresStoreOptions>>().Value);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"postgresq://ir:{Password}@db/ir")]
    [InlineData($"Host=db;Password={Password}")]
    public void AddStorage_UnknownBackend_RefusedWithoutQuotingWhatMayBeAConnection(string backend)
    {
        using var services = Build(backend);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("it must be sqlite, a postgresql://user:password@host:port/dbname URI, or postgresql", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }
}
