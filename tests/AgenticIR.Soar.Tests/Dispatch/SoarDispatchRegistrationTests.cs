using AgenticIR.Agents.Tools;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Context;
using AgenticIR.Core.Ports;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Dispatch;

public sealed class SoarDispatchRegistrationTests
{
    [Fact]
    public void AddSoar_CalledTwice_ResolvesDispatcherObserverAndEnrichmentTools()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ISplunkSoarClient>(SoarTestData.Instance());
        services.AddSingleton<IActionCatalog>(SoarTestData.Catalog());
        services.AddSingleton(EmptyContext.Create());
        services.Configure<SqliteStoreOptions>(o => o.Path = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"), "state.db"));
        services.AddStorage();
        services.AddSoar().AddSoar();

        // Not ValidateOnBuild: the bridge's registrations need the agents' approvals and the playbook catalog, which this
        // test leaves out; what it resolves must resolve.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        // One dispatcher per platform however often AddSoar runs; the Splunk SOAR one serves container investigations.
        var dispatchers = provider.GetServices<IActionDispatcher>().ToList();
        Assert.Equal(2, dispatchers.Count);
        Assert.Single(dispatchers, d => d.CanDispatch(SoarTestData.Record()));
        Assert.NotNull(provider.GetRequiredService<ShadowObserver>());
        Assert.Equal("disposition", provider.GetRequiredService<ShadowOptions>().DispositionFieldFor("prod"));
        // One source however often AddSoar runs; the agents' registry takes its tools beside the built-in ones.
        var source = Assert.Single(provider.GetServices<IInvestigationToolSource>());
        Assert.Contains(source.Tools, t => t.Name == "ip_reputation");
        var registry = ToolRegistry.CreateDefault(provider.GetRequiredService<IContextStore>(), [source]);
        Assert.NotNull(registry.Find("ip_reputation"));
        Assert.NotNull(registry.Find(ToolNames.ThreatIntel));
    }

    /// <summary>A context store that knows nothing (the registry only constructs tools over it).</summary>
    public class EmptyContext : DispatchProxy
    {
        public static IContextStore Create() => DispatchProxy.Create<IContextStore, EmptyContext>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => null;
    }
}
