using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Soar.Xsoar.Dispatch;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>The response stage's dispatcher is chosen by the investigation's source: a Splunk SOAR container, an XSOAR
/// incident of a configured instance, or none (a replayed file keeps recording approved actions only).</summary>
public sealed class XsoarDispatchRoutingTests
{
    [Fact]
    public void DispatcherFor_InvestigationSource_PicksThePlatformThatOpenedIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ISplunkSoarClient>(SoarTestData.Instance());
        services.AddSingleton<IActionCatalog>(XsoarDispatchData.Catalog());
        services.AddSingleton(SoarInstanceSet.None with { Xsoar = [XsoarTestClients.Instance("https://xsoar.example.com")] });
        services.Configure<SqliteStoreOptions>(o => o.Path = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"), "state.db"));
        services.AddStorage();
        services.AddSoar();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var executor = new ResponseExecutor(provider.GetServices<Core.Ports.IActionDispatcher>(), new AllowAllGuard(), TimeProvider.System);

        Assert.IsType<SplunkSoarActionDispatcher>(executor.DispatcherFor(SoarTestData.Record()));
        Assert.IsType<XsoarActionDispatcher>(executor.DispatcherFor(XsoarDispatchData.Record("17")));
        Assert.Null(executor.DispatcherFor(XsoarDispatchData.Record("17") with { Source = new SourceReference("xsoar", "elsewhere", "17") }));
        Assert.Null(executor.DispatcherFor(SoarTestData.Record(platform: "")));
    }
}
