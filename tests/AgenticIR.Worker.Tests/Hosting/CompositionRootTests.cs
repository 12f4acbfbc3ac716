using AgenticIR.Core.Audit;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Definitions;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Worker.Tests.Hosting;

/// <summary>The host every command builds: the stores on the command's database, definitions read only by the commands
/// that run the pipeline.</summary>
public sealed class CompositionRootTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-root-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }

    private ResolvedPaths Paths(string? policy = null) => ResolvedPaths.From(new WorkerOptions
    {
        Home = RepoPaths.Root,
        PolicyPath = policy,
        DatabasePath = Path.Combine(_work.FullName, "state.db"),
        ReportsPath = Path.Combine(_work.FullName, "reports"),
    });

    private static IHost Build(ResolvedPaths paths) =>
        AgenticIrHost.CreateBuilder(new ConfigurationBuilder().Build(), paths, NullLoggerFactory.Instance, MetricsSettings.Off).Build();

    [Fact]
    public async Task InitializeAsync_StoreScope_EveryStoragePortOnTheCommandsDatabase()
    {
        var paths = Paths();
        using var host = Build(paths);

        await AgenticIrHost.InitializeAsync(host.Services, StartupScope.Store, Ct);

        var store = Assert.IsType<SqliteStateStore>(host.Services.GetRequiredService<IStateStore>());
        Assert.Equal(paths.Database, store.FilePath);
        Assert.True(File.Exists(paths.Database));
        Assert.Same(host.Services.GetRequiredService<IAuditTrail>(), host.Services.GetRequiredService<IAuditLog>());
        Assert.Same(host.Services.GetRequiredService<IPolicyVersionStore>(), host.Services.GetRequiredService<IProposalDecisionStore>());
        Assert.Equal(0, (await host.Services.GetRequiredService<IMetricsOutbox>().CountAsync(Ct)).Pending);
        Assert.True((await host.Services.GetRequiredService<IAuditTrail>().VerifyAsync(null, Ct)).IsIntact);
    }

    [Fact]
    public async Task InitializeAsync_BrokenPolicy_StoreScopeOpensAndPipelineScopeListsTheErrors()
    {
        var policy = Path.Combine(_work.FullName, "governance.yaml");
        await File.WriteAllTextAsync(policy, "escalation: [not, a, policy]\n", Ct);
        var paths = Paths(policy);

        using (var store = Build(paths))
        {
            await AgenticIrHost.InitializeAsync(store.Services, StartupScope.Store, Ct);
        }
        using var pipeline = Build(paths);
        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => AgenticIrHost.InitializeAsync(pipeline.Services, StartupScope.Pipeline, Ct));

        Assert.NotEmpty(ex.Errors);
        Assert.All(ex.Errors, e => Assert.Equal(policy, e.File));
        Assert.True(File.Exists(paths.Database), "the store-scoped start migrated the database");
    }
}
