using AgenticIR.Agents;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.PlaybookAudit;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Inventory;
using AgenticIR.Testing;
using static AgenticIR.SoarSimulator.Inventory.PlaybookInventorySeed.Names;

namespace AgenticIR.Soar.Tests.PlaybookAudit;

/// <summary>The audit against the Splunk SOAR simulator's seeded inventory: 90 days of runs read back through the REST
/// API, mapped through the shipped connectors and classified by the shipped policy's rules.</summary>
public sealed class SeededInventoryAuditTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DefinitionSet Definitions = DefinitionSetLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"), RepoPaths.Connectors);
    private SplunkSoarSimulator _simulator = null!;
    private SplunkSoarClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await SplunkSoarSimulator.StartAsync(new SimulatorOptions { Token = "tok-" + Guid.NewGuid().ToString("N"), IncludeDefaultCatalog = true }, TestContext.Current.CancellationToken);
        PlaybookInventorySeed.Seed(_simulator, Now);
        _client = new SoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 })
            .Create(new SoarInstanceDefinition { Name = "lab", BaseUrl = _simulator.BaseUrl, AllowHttp = true, TokenEnv = "AGENTICIR_SOAR_LAB_TOKEN", PageSize = 25 },
                new SoarSecret(_simulator.Token));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    private async Task<IReadOnlyList<PlaybookAuditRow>> AuditAsync(PlaybookAuditRules? rules = null)
    {
        var inventory = await SplunkSoarPlaybookInventory.ReadAsync(_client, Definitions.Catalog, Now.AddDays(-90), TestContext.Current.CancellationToken);
        var breakGlass = Definitions.Policy.Migration.BreakGlass.Capabilities;
        return [.. inventory.Select(p => PlaybookClassifier.Classify(p, rules ?? Definitions.Policy.Migration.PlaybookAudit, 90, AgentCoverage.AgentFor,
            [.. breakGlass.Where(c => BreakGlassChecker.Find([p], c.Playbook) is not null).Select(c => c.Capability)]))];
    }

    [Theory]
    [InlineData(PhishingInvestigate, "convert")]
    [InlineData(MalwareContain, "convert")]
    [InlineData(PasswordResetRequest, "keep")]
    [InlineData(TicketAndNotify, "keep")]
    [InlineData(CloudChangeTicket, "keep")]
    [InlineData(GeoBlock, "keep")]
    [InlineData(VulnScanDigest, "retire")]
    [InlineData(LegacySandbox, "retire")]
    [InlineData(InsiderThreatReview, "retire")]
    [InlineData(UnusedDraft, "retire")]
    [InlineData(BreakGlassIsolateHost, "keep")]
    public async Task Audit_SeededInventory_ClassifiesEachPlaybookByTheRules(string playbook, string expected)
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == playbook);

        Assert.Equal(expected, row.Recommendation.ToString().ToLowerInvariant());
        Assert.Equal(("splunk_soar", "lab"), (row.Platform, row.Instance));
    }

    [Fact]
    public async Task Audit_RunsCountByStartTimeInsideTheWindow_WhateverTheirStatus()
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == PhishingInvestigate);

        // 60 finished runs spread over the window plus one still running; the run 100 days ago is outside.
        Assert.Equal(61, row.Runs);
        Assert.Equal(5, row.FailedRuns);
        Assert.Equal(55.0 / 60, row.SuccessRate!.Value, 6);
        Assert.Equal(Now.AddMinutes(-3), row.LastRun);
        Assert.Equal(["block_url", "quarantine_email", "url_reputation", "user_lookup"], row.Actions);
        Assert.Equal(row.Actions, row.CoveredActions);
        Assert.NotNull(row.MedianDurationSeconds);
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
    public async Task Audit_RareInvestigationPlaybook_RetireWinsOverConvertWithBothReasons()
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == InsiderThreatReview);

        Assert.Equal(PlaybookRecommendation.Retire, row.Recommendation);
        Assert.StartsWith("2 runs a month (6 in 90 days), below 5", row.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(row.Reasons, r => r.StartsWith("retire wins over convert (enriches from 2 apps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_UnmappedInvestigateAction_CountsAsEnrichmentAndIsNotCovered()
    {
        var row = Assert.Single(await AuditAsync(), r => r.Playbook == LegacySandbox);

        Assert.Equal(["VirusTotal v3: detonate url", "file_reputation"], row.Actions);
        Assert.Equal(["VirusTotal v3: detonate url"], row.UncoveredActions);
        Assert.Contains(row.Reasons, r => r.Contains("with enrichment from one app (VirusTotal v3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_TunedPolicy_ChangesTheOutcome()
    {
        var rows = await AuditAsync(PlaybookAuditRules.Default with { RetireBelowRunsPerMonth = 11 });

        Assert.Equal(PlaybookRecommendation.Retire, Assert.Single(rows, r => r.Playbook == PasswordResetRequest).Recommendation);
        Assert.Equal(PlaybookRecommendation.Convert, Assert.Single(rows, r => r.Playbook == MalwareContain).Recommendation);
    }

    [Fact]
    public async Task Audit_OnlyReadsFromTheSoar()
    {
        _simulator.ClearRequests();

        await AuditAsync();

        Assert.NotEmpty(_simulator.Requests);
        Assert.All(_simulator.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task BreakGlass_SeededInventory_ReportsEachGap()
    {
        var policy = Definitions.Policy.Migration.BreakGlass;
        var inventory = await SplunkSoarPlaybookInventory.ReadAsync(_client, Definitions.Catalog, Now.AddDays(-policy.TestIntervalDays), TestContext.Current.CancellationToken);

        var rows = BreakGlassChecker.Check(policy, "lab", inventory, Now).ToDictionary(r => r.Capability);

        Assert.True(rows["contain_host"].Ready);
        Assert.Equal(Now.AddDays(-40), rows["contain_host"].LastSuccess);
        Assert.Equal(["no successful run in the last 91 days: exercise it"], rows["contain_account"].Gaps);
        Assert.Equal(["inactive: it would not start on its own"], rows["contain_mail"].Gaps);
        Assert.False(rows["contain_address"].Exists);
        Assert.Equal(["no playbook 'local/break_glass_block_address' on the instance"], rows["contain_address"].Gaps);
    }
}
