using AgenticIR.Agents.Tests.Support;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tests.Tools;

public sealed class ToolRegistryTests : IDisposable
{
    private readonly ContextFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void CreateDefault_AdapterToolSource_OffersItsToolsAfterTheBuiltInOnes()
    {
        var source = new Source(new NamedTool("ip_reputation"));

        var registry = ToolRegistry.CreateDefault(_fixture.Load(), [source]);

        Assert.NotNull(registry.Find("ip_reputation"));
        Assert.Equal([.. ToolRegistry.CreateDefault(_fixture.Load()).All.Select(t => t.Name), "ip_reputation"], registry.All.Select(t => t.Name));
    }

    [Fact]
    public void CreateDefault_SourceToolNamedLikeABuiltInTool_Throws()
    {
        var clash = new Source(new NamedTool(ToolNames.ThreatIntel));

        var error = Assert.Throws<ArgumentException>(() => ToolRegistry.CreateDefault(_fixture.Load(), [clash]));

        Assert.Contains(ToolNames.ThreatIntel, error.Message, StringComparison.Ordinal);
    }

    private sealed class Source(params IInvestigationTool[] tools) : IInvestigationToolSource
    {
        public IReadOnlyList<IInvestigationTool> Tools => tools;
    }

    private sealed class NamedTool(string name) : IInvestigationTool
    {
        public string Name => name;
        public string Description => "test tool";
        public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.Ipv4 };
        public int Cost => 1;

        public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new ToolResult("nothing", []));
    }
}
