using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;
using AgenticIR.Definitions;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.Soar.Tests.WriteBack;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Approvals;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.Shadow;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Soar.Tests.Xsoar.Shadow;

/// <summary>The shadow comparison of an XSOAR incident, against the simulator: the playbook's task states and the war
/// room's commands, mapped back to logical actions through the shipped connectors' xsoar bindings, the close reason,
/// final severity and closing user, stored where shadow report, metrics and graduation read Splunk SOAR's.</summary>
public sealed class XsoarShadowObserverTests : IAsyncLifetime
{
    private const string Key = "sim-key-shadow-8d21";
    private const string XsoarSimulatorUser = "svc-agentic-ir";
    private static readonly Lazy<Definitions.Catalog.ActionCatalog> ShippedCatalog =
        new(() => DefinitionSetLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"), RepoPaths.Connectors).Catalog);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _simulatorTime = new(SampleInvestigation.At);
    private readonly RecordingOutcomeRecorder _outcomes = new();
    private BridgeHarness _harness = null!;
    private XsoarSimulator _simulator = null!;
    private XsoarClient _client = null!;
    private SqliteShadowComparisonStore _comparisons = null!;
    private string _incident = "";

    public async ValueTask InitializeAsync()
    {
        _harness = await BridgeHarness.StartAsync();
        _comparisons = new SqliteShadowComparisonStore(_harness.Options);
        _simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key, TimeProvider = _simulatorTime }, _ct);
        _client = new XsoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 }, new SecretScrubber())
            .Create(XsoarTestClients.Instance(_simulator.BaseUrl.AbsoluteUri), new XsoarApiKey(Key));
        _simulator.AddIntegration(new XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>>
        {
            ["pan-os-register-ip-tag"] = ["tag", "IPs", "persistent"],
        }), ("Panorama_instance_1", true));
        _simulator.AddIntegration(new XsoarSeedIntegration("Active Directory Query v2", new Dictionary<string, IReadOnlyList<string>>
        {
            ["ad-disable-account"] = ["username"],
            ["ad-enable-account"] = ["username"],
        }), ("Active Directory Query v2_instance_1", true));
        _simulator.AddUser("lead1", "Lee Ead", "IR Lead");
        _incident = _simulator.AddIncident(new XsoarSeedIncident
        {
            Name = "C2 beacon on FIN-WS-022",
            Type = "Malware",
            Severity = 3,
            PlaybookId = "Malware Investigation and Response",
            PlaybookTasks =
            [
                new("Extract indicators", "Completed", "Builtin|||extractIndicators"),
                new("Disable the user", "Completed", "Active Directory Query v2|||ad-disable-account"),
                new("Wait for the owner", "Waiting"),
                new("Isolate later", "New", "CrowdstrikeFalcon|||cs-falcon-contain-host"),
            ],
        });
        var sample = SampleInvestigation.Build();
        var disable = sample.Plan!.Actions[0] with
        {
            ActionId = "A3", LogicalAction = "disable_user_account", Kind = Core.Response.ActionKind.Containment,
            Target = new Core.Alerts.Observable(Core.Alerts.ObservableType.User, "tbrooks"),
        };
        await _harness.State.CreateAsync(sample with
        {
            Plan = sample.Plan with { Actions = [.. sample.Plan.Actions, disable] },
            Mode = PlaybookMode.Shadow,
            Source = new SourceReference("xsoar", "lab", _incident),
            Playbook = new ModeAssignment("xsoar_malware", PlaybookMode.Shadow, new Dictionary<Core.Alerts.Severity, PlaybookMode>()),
        }, null, _ct);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
        await _harness.DisposeAsync();
    }

    private XsoarShadowObserver Observer() => new(_harness.State, _comparisons, new XsoarShadowComparer(ShippedCatalog.Value), new XsoarUserDirectory(_harness.Time),
        new ShadowOptions(), _harness.Time, NullLogger<XsoarShadowObserver>.Instance, _outcomes);

    [Fact]
    public async Task PollOnce_ClosedIncident_StoresTheFinalComparisonWithThePlaybooksCommands()
    {
        // An analyst blocks the address from the war room; our own API user's command is the agents' dispatch, not the playbook's.
        _simulator.RunCommand(_incident, "lead1", "!pan-os-register-ip-tag tag=\"AgenticIR-Blocked\" IPs=\"91.240.118.50\" using=\"Panorama_instance_1\"");
        _simulator.RunCommand(_incident, XsoarSimulatorUser, "!ad-enable-account username=\"tbrooks\"");
        _simulator.CloseIncident(_incident, "False Positive", "Our scanner.", closedBy: "lead1", severity: 2);

        var written = await Observer().PollOnceAsync([_client], _ct);

        Assert.Equal(1, written);
        var comparison = await _comparisons.GetAsync("xsoar:lab", _incident, _ct);
        Assert.NotNull(comparison);
        Assert.Equal(("inv-7", "xsoar_malware", true), (comparison.InvestigationId, comparison.Playbook, comparison.Final));
        Assert.Equal(["block_ip", "disable_user_account"], comparison.PlaybookActions);
        Assert.Empty(comparison.UnmappedPlaybookActions);
        Assert.Equal(["Malware Investigation and Response: waiting"], comparison.PlaybookRuns);
        Assert.Equal(("medium", false), (comparison.ContainerSeverity, comparison.SeverityAgreement));
        Assert.Equal(("false_positive", false), (comparison.AnalystDisposition, comparison.DispositionAgreement));
        Assert.Equal("closed by lead1", comparison.ContainerStatus);
        var (id, outcome) = Assert.Single(_outcomes.Recorded);
        Assert.Equal(("inv-7", Disposition.FalsePositive, "xsoar:analyst"), (id, outcome.Disposition, outcome.Source));
    }

    [Fact]
    public async Task PollOnce_FinalXsoarComparison_IsGraduationEvidenceLikeSplunkSoars()
    {
        _simulator.CloseIncident(_incident, "False Positive", "Our scanner.", closedBy: "lead1", severity: 2);
        await Observer().PollOnceAsync([_client], _ct);

        var facts = await new ShadowFactsSource(_comparisons, ShippedCatalog.Value).ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, _ct);

        var fact = Assert.Single(facts);
        Assert.Equal(("xsoar:lab", _incident, "xsoar_malware"), (fact.Instance, fact.ContainerId, fact.Playbook));
        // The agents would have blocked an address in an incident the analyst closed as a false positive.
        Assert.True(fact.HarmfulDisagreement);
        Assert.Single(ShadowReport.Summarize([(await _comparisons.GetAsync("xsoar:lab", _incident, _ct))!]), r => r.Playbook == "xsoar_malware" && r.Severity == ShadowReport.All);
    }

    [Fact]
    public async Task PollOnce_OpenThenClosed_UpdatedUntilClosedThenFrozen()
    {
        var observer = Observer();
        await observer.PollOnceAsync([_client], _ct);
        var open = await _comparisons.GetAsync("xsoar:lab", _incident, _ct);
        Assert.Equal((false, "active", (string?)null), (open!.Final, open.ContainerStatus, open.AnalystDisposition));
        Assert.Empty(_outcomes.Recorded);

        _simulator.CloseIncident(_incident, "True Positive", "Confirmed beacon.", closedBy: "lead1", severity: 3);
        _harness.Time.Advance(new ShadowOptions().RevisitInterval);
        await observer.PollOnceAsync([_client], _ct);
        _simulator.RunCommand(_incident, "lead1", "!ad-disable-account username=\"tbrooks\"");
        _harness.Time.Advance(new ShadowOptions().RevisitInterval);
        var later = await observer.PollOnceAsync([_client], _ct);

        var closed = await _comparisons.GetAsync("xsoar:lab", _incident, _ct);
        Assert.Equal((true, "true_positive", true), (closed!.Final, closed.AnalystDisposition, closed.DispositionAgreement));
        Assert.Equal(0, later);
        Assert.Single(_outcomes.Recorded);
    }
}
