using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Enrichment;
using AgenticIR.Soar.Tests.Dispatch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Enrichment;

public sealed class SoarToolAvailabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(T0);
    private readonly SplunkSoarDispatchOptions _options = new();
    private readonly FakeSoarClient _client = Instance();

    public SoarToolAvailabilityTests()
    {
        // The instance has Umbrella's domain look-up but not VirusTotal's IP look-up (an older app version, say).
        _client.AppActions.Add(new SoarAppAction(105, 14, "domain reputation", "investigate", [new SoarActionParameter("domain", "string", true, [])]));
    }

    private SoarToolAvailability Availability() => new(Catalog(), _options, _time, NullLogger<SoarToolAvailability>.Instance);

    private SoarEnrichmentTool Tool(SoarToolAvailability availability) =>
        new(IpReputation, new SoarClientDirectory([_client]), new SoarAppDirectory(), availability, _options, _time);

    [Fact]
    public async Task RefreshIfDue_BindingActionMissing_ToolNotOfferedAndRunPostsNothing()
    {
        var availability = Availability();

        await availability.RefreshIfDueAsync(_client, Ct);

        var tool = Tool(availability);
        Assert.False(tool.AppliesTo(Record()));
        Assert.Contains("has no action 'ip reputation'", availability.WhyOff("prod", "ip_reputation"), StringComparison.Ordinal);
        Assert.Null(availability.WhyOff("prod", "domain_reputation"));
        Assert.Null(availability.WhyOff("lab", "ip_reputation"));
        var result = await tool.RunAsync(AttackerIp, Context(Record()), Ct);
        Assert.Empty(result.Findings);
        Assert.Empty(_client.Posted);
    }

    [Fact]
    public async Task RefreshIfDue_WithinTheInterval_ReadsOnceThenAgainWhenDue()
    {
        var availability = Availability();
        await availability.RefreshIfDueAsync(_client, Ct);
        _client.AppActions.Add(new SoarAppAction(104, 13, "ip reputation", "investigate", [new SoarActionParameter("ip", "string", true, [])]));

        _time.Advance(_options.ToolAvailabilityRefresh - TimeSpan.FromSeconds(1));
        await availability.RefreshIfDueAsync(_client, Ct);
        Assert.NotNull(availability.WhyOff("prod", "ip_reputation"));
        Assert.Equal(1, _client.AppListCalls);

        _time.Advance(TimeSpan.FromSeconds(1));
        await availability.RefreshIfDueAsync(_client, Ct);
        Assert.Null(availability.WhyOff("prod", "ip_reputation"));
        Assert.True(Tool(availability).AppliesTo(Record()));
    }

    [Fact]
    public async Task Invalidate_AfterARefusedRun_NextRefreshReadsAtOnce()
    {
        var availability = Availability();
        await availability.RefreshIfDueAsync(_client, Ct);

        availability.Invalidate("prod");
        await availability.RefreshIfDueAsync(_client, Ct);

        Assert.Equal(2, _client.AppListCalls);
        Assert.NotNull(availability.WhyOff("prod", "ip_reputation"));
    }

    [Fact]
    public async Task RefreshIfDue_AppsCannotBeListed_EveryToolStaysOffered()
    {
        var availability = Availability();
        var refusing = new RefusingCatalogClient(_client);

        await availability.RefreshIfDueAsync(refusing, Ct);

        Assert.Null(availability.WhyOff("prod", "ip_reputation"));
        Assert.True(Tool(availability).AppliesTo(Record()));
    }
}
