using AgenticIR.Agents;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Security;
using AgenticIR.Definitions;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.Tests.Xsoar;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.PlaybookAudit;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.Testing;
using static AgenticIR.SoarSimulator.Xsoar.XsoarPlaybookInventorySeed.Names;

namespace AgenticIR.Soar.Tests.PlaybookAudit;

/// <summary>The audit against the XSOAR simulator's seeded library: 90 days of incidents and their work plans read back
/// through the REST API, commands mapped through the shipped connectors' xsoar bindings and classified by the shipped
/// policy's rules, the same rules as Splunk SOAR.</summary>
public sealed class XsoarSeededInventoryAuditTests : IAsyncLifetime
{
    private const string Key = "xsoar-audit-key";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DefinitionSet Definitions = DefinitionSetLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"), RepoPaths.Connectors);
    private XsoarSimulator _simulator = null!;
    private XsoarClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, TestContext.Current.CancellationToken);
        XsoarPlaybookInventorySeed.Seed(_simulator, Now);
        // A small page size, so every list is read over several pages.
        _client = new XsoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 }, new SecretScrubber())
            .Create(XsoarTestClients.Instance(_simulator.BaseUrl.AbsoluteUri, pageSize: 4), new XsoarApiKey(Key));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    private async Task<IReadOnlyList<PlaybookAuditRow>> AuditAsync(PlaybookAuditRules? rules = null)
    {
        var inventory = await XsoarPlaybookInventory.ReadAsync(_client, Definitions.Catalog, Now.AddDays(-90), TestContext.Current.CancellationToken);
        return [.. inventory.Select(p => PlaybookClassifier.Classify(p, rules ?? Definitions.Policy.Migration.PlaybookAudit, 90, AgentCoverage.AgentFor))];
    }

    [Theory]
    [InlineData(PhishingInvestigation, "convert")]
    [InlineData(MalwareContainment, "convert")]
    [InlineData(PasswordReset, "keep")]
    [InlineData(TicketAndNotify, "keep")]
    [InlineData(CloudChangeTicket, "keep")]
    [InlineData(GeoBlock, "keep")]
    [InlineData(VulnScanDigest, "retire")]
    [InlineData(LegacySandbox, "retire")]
    [InlineData(InsiderThreatReview, "retire")]
    [InlineData(UnusedDraft, "retire")]
    [InlineData(DeprecatedTriage, "retire")]
    public async Task Audit_SeededLibrary_ClassifiesEachPlaybookByTheRules(string playbook, string expected)
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == playbook);

        Assert.Equal(expected, row.Recommendation.ToString().ToLowerInvariant());
        Assert.Equal(("xsoar", _client.InstanceName), (row.Platform, row.Instance));
    }

    [Fact]
    public async Task Audit_RunsCountByStartTimeInsideTheWindow_FailuresFromTheWorkPlanState()
    {
        var rows = await AuditAsync();
        var row = Assert.Single(rows, r => r.Playbook == PhishingInvestigation);

        // 60 finished runs spread over the window plus one waiting on an analyst; the run 100 days ago is outside.
        Assert.Equal(61, row.Runs);
        Assert.Equal(5, row.FailedRuns);
        Assert.Equal(55.0 / 60, row.SuccessRate!.Value, 6);
        Assert.Equal(Now.AddMinutes(-3), row.LastRun);
        // Commands of the enrichment sub-playbook count; the mail-parsing script and the built-in close do not.
        Assert.Equal(["block_url", "revoke_sessions", "url_reputation", "user_lookup"], row.Actions);
        Assert.Equal(row.Actions, row.CoveredActions);
        // Start to the last completed task: 40 s + 25 s per top-level task, the tasks' completions spread over it.
        Assert.InRange(row.MedianDurationSeconds!.Value, 60, 200);
        Assert.Equal([], rows.Where(r => r.Reasons.Any(x => x.Contains("no longer in the SOAR's playbook list", StringComparison.Ordinal))).Select(r => r.Playbook));
    }

    [Fact]
    public async Task Audit_BoundaryPlaybooks_AreNotRetired()
    {
        var rows = await AuditAsync();

        var fivePerMonth = Assert.Single(rows, r => r.Playbook == CloudChangeTicket);
        Assert.Equal((15, 5.0), (fivePerMonth.Runs, fivePerMonth.RunsPerMonth));
        var halfSuccess = Assert.Single(rows, r => r.Playbook == GeoBlock);
        Assert.Equal((20, 10, 0.5), (halfSuccess.Runs, halfSuccess.FailedRuns, halfSuccess.SuccessRate!.Value));
        Assert.All([fivePerMonth, halfSuccess], r => Assert.Equal(PlaybookRecommendation.Keep, r.Recommendation));
    }

    [Fact]
    public async Task Audit_SimpleAutomation_BuiltinsAndScriptsAreNotActions()
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == PasswordReset);

        Assert.Equal(["reset_password"], row.Actions);
        Assert.StartsWith("the same 1 action(s) on every run (reset_password), no enrichment", Assert.Single(row.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_RareInvestigationPlaybook_RetireWinsOverConvertWithBothReasons()
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == InsiderThreatReview);

        Assert.Equal(PlaybookRecommendation.Retire, row.Recommendation);
        Assert.StartsWith("2 runs a month (6 in 90 days), below 5", row.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(row.Reasons, r => r.StartsWith("retire wins over convert (enriches from 2 apps (Active Directory Query v2, VirusTotal (API v3))", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_UnmappedCommand_ShownAsBrandAndCommandAndNotCovered()
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == LegacySandbox);

        Assert.Equal(["Cuckoo Sandbox: cuckoo-create-task-from-url", "file_reputation"], row.Actions);
        Assert.Equal(["Cuckoo Sandbox: cuckoo-create-task-from-url"], row.UncoveredActions);
        Assert.Equal((20, 11), (row.Runs, row.FailedRuns));
    }

    [Fact]
    public async Task Audit_HiddenOrDeprecatedPlaybook_IsInactive()
    {
        var rows = await AuditAsync();

        Assert.False(Assert.Single(rows, r => r.Playbook == DeprecatedTriage).Active);
        Assert.True(Assert.Single(rows, r => r.Playbook == UnusedDraft).Active);
    }

    [Fact]
    public async Task Audit_TunedPolicy_ChangesTheOutcome()
    {
        var rows = await AuditAsync(PlaybookAuditRules.Default with { RetireBelowRunsPerMonth = 11 });

        // 30 runs in 90 days is 10 a month: below 11 it retires.
        Assert.Equal(PlaybookRecommendation.Retire, Assert.Single(rows, r => r.Playbook == PasswordReset).Recommendation);
        Assert.Equal(PlaybookRecommendation.Convert, Assert.Single(rows, r => r.Playbook == MalwareContainment).Recommendation);
    }

    [Fact]
    public async Task Audit_ReadsOnly()
    {
        await AuditAsync();

        Assert.All(_simulator.Requests, r => Assert.True(r.Method == "GET" || r.PathAndQuery.EndsWith("/search", StringComparison.Ordinal), $"{r.Method} {r.PathAndQuery}"));
    }
}
