using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Enrichment;
using AgenticIR.Soar.Tests.Dispatch;
using Microsoft.Extensions.Logging.Abstractions;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Enrichment;

public sealed class SoarEnrichmentToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeSoarClient _client = Instance();
    private readonly AutoAdvancingTimeProvider _time = new(T0);
    private readonly SplunkSoarDispatchOptions _options = new();

    private SoarToolAvailability Availability() => new(Catalog(), _options, _time, NullLogger<SoarToolAvailability>.Instance);

    private SoarEnrichmentTool Tool(SoarToolAvailability? availability = null) =>
        new(IpReputation, new SoarClientDirectory([_client]), new SoarAppDirectory(), availability ?? Availability(), _options, _time);

    [Fact]
    public async Task RunAsync_SoarInvestigation_RunsInvestigativeActionAndParsesResult()
    {
        _client.AppRuns = (_, _) => [FakeSoarClient.AppRun("virustotal", "success", EnrichmentJson.VirusTotalIp(12))];
        var record = Record();

        var result = await Tool().RunAsync(AttackerIp, Context(record), Ct);

        var posted = Assert.Single(_client.Posted);
        Assert.Equal("investigative", posted.Type);
        Assert.Equal("ip reputation", posted.Action);
        Assert.Equal("agentic-ir:inv-1:ip_reputation:203.0.113.7", posted.Name);
        Assert.Equal(42, posted.ContainerId);
        Assert.Equal(13, posted.Targets[0].AppId);
        Assert.Equal(["virustotal"], posted.Targets[0].Assets);
        Assert.Equal("203.0.113.7", posted.Targets[0].Parameters[0]["ip"]);
        Assert.Equal(Verdict.Malicious, Assert.Single(result.Findings).Verdict);
    }

    [Fact]
    public async Task RunAsync_NotFromSplunkSoar_DoesNotApplyAndCallsNothing()
    {
        var result = await Tool().RunAsync(AttackerIp, Context(Record(platform: "file")), Ct);

        Assert.Empty(result.Findings);
        Assert.Contains("does not apply", result.Summary, StringComparison.Ordinal);
        Assert.Empty(_client.Posted);
        Assert.Equal(0, _client.AppListCalls);
    }

    [Fact]
    public async Task RunAsync_SubjectNotKnownToInvestigation_RefusedWithoutCall()
    {
        var result = await Tool().RunAsync(new Observable(ObservableType.Ipv4, "198.51.100.9"), Context(Record()), Ct);

        Assert.Empty(result.Findings);
        Assert.Contains("not an observable of this investigation", result.Summary, StringComparison.Ordinal);
        Assert.Empty(_client.Posted);
    }

    [Fact]
    public async Task RunAsync_ActionFails_NoFindingAndTheReason()
    {
        _client.Statuses = _ => ["running", "failed"];

        var result = await Tool().RunAsync(AttackerIp, Context(Record()), Ct);

        Assert.Empty(result.Findings);
        Assert.Equal("203.0.113.7: ip_reputation (action_run 501) failed: 1 action failed", result.Summary);
    }

    [Fact]
    public async Task RunAsync_StillRunningAfterBudget_NoFindingAndTheWait()
    {
        _client.Statuses = _ => ["pending", "running"];

        var result = await Tool().RunAsync(AttackerIp, Context(Record()), Ct);

        Assert.Empty(result.Findings);
        Assert.Equal("203.0.113.7: ip_reputation (action_run 501) was still 'running' after 60 s; no verdict", result.Summary);
        Assert.Equal(T0.AddSeconds(60), _time.GetUtcNow());
    }

    [Fact]
    public async Task RunAsync_InstanceUnavailable_NoFindingAndTheReason()
    {
        _client.RefuseNextPost = new SplunkSoar.Api.SoarUnavailableException("prod", "circuit open");

        var result = await Tool().RunAsync(AttackerIp, Context(Record()), Ct);

        Assert.Empty(result.Findings);
        Assert.Contains("circuit open", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OneToolPerBoundEnrichmentAction()
    {
        var tools = SoarEnrichmentTools.Create(Catalog(), new SoarClientDirectory([_client]), new SoarAppDirectory(), Availability(), _options, _time);

        Assert.Equal(["domain_reputation", "ip_reputation"], tools.Select(t => t.Name));
        Assert.Equal(new HashSet<ObservableType> { ObservableType.Ipv4, ObservableType.Ipv6 }, tools[1].Accepts);
        Assert.All(tools, t => Assert.Equal(1, t.Cost));
    }
}
