using System.Text.Json.Nodes;
using AgenticIR.Core.Security;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Resilience;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>The client against the stateful simulator, as XSOAR 6, XSOAR 8 and XSOAR 8 with an advanced key: what one
/// writes, the other reads back.</summary>
public sealed class XsoarClientSimulatorTests
{
    private const string Key = "sim-key-4b1f9e2d7c";
    private static readonly SoarResilienceSettings QuickRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<XsoarFlavour> Flavours => [XsoarFlavour.V6, XsoarFlavour.V8, XsoarFlavour.V8Advanced];

    private static async Task<(XsoarSimulator Simulator, XsoarClient Client)> StartAsync(XsoarFlavour flavour, string key = Key, CancellationToken ct = default)
    {
        var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions
        {
            ApiKey = Key,
            AuthId = flavour == XsoarFlavour.V6 ? null : XsoarTestClients.AuthId,
            AdvancedKey = flavour == XsoarFlavour.V8Advanced,
        }, ct);
        var instance = XsoarTestClients.Instance(simulator.BaseUrl.AbsoluteUri, flavour, timeoutSeconds: 10, pageSize: 2);
        var client = new XsoarClientFactory(null, TimeProvider.System, QuickRetries, new SecretScrubber()).Create(instance, new XsoarApiKey(key));
        return (simulator, client);
    }

    private static XsoarSeedIncident Phishing(string name) => new()
    {
        Name = name,
        Type = "Phishing",
        Severity = 2,
        Labels = [new("Email/from", "attacker@evil.example"), new("Instance", "ews_prod")],
        CustomFields = new JsonObject { ["reportedemailfrom"] = "attacker@evil.example" },
        Indicators = [new("IP", "203.0.113.7"), new("Domain", "evil.example")],
        PlaybookId = "Phishing Investigation - Generic v2",
        PlaybookTasks = [new("Extract indicators", "Completed", "Builtin|||extractIndicators"), new("Approve containment", "Waiting")],
    };

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task SearchAndRead_IncidentsByTypePagedWithLabelsCustomFieldsAndIndicators(XsoarFlavour flavour)
    {
        var (simulator, client) = await StartAsync(flavour, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        var ids = new[] { simulator.AddIncident(Phishing("one")), simulator.AddIncident(Phishing("two")), simulator.AddIncident(Phishing("three")) };
        simulator.AddIncident(new XsoarSeedIncident { Name = "scan", Type = "Vulnerability" });

        var first = await client.SearchIncidentsAsync(new XsoarIncidentQuery { Types = ["Phishing"] }, _ct);
        var second = await client.SearchIncidentsAsync(new XsoarIncidentQuery { Types = ["Phishing"], Page = 1 }, _ct);

        Assert.Equal(3, first.Total);
        Assert.Equal(ids, first.Incidents.Concat(second.Incidents).Select(i => i.Id));
        var incident = first.Incidents[0];
        Assert.Contains(new XsoarLabel("Email/from", "attacker@evil.example"), incident.Labels);
        Assert.Equal("attacker@evil.example", incident.CustomFields!.Value.GetProperty("reportedemailfrom").GetString());
        Assert.Equal("Phishing Investigation - Generic v2", incident.PlaybookId);
        Assert.Equal([new XsoarIndicator("IP", "203.0.113.7"), new XsoarIndicator("Domain", "evil.example")], await client.GetIndicatorsAsync(ids[0], _ct));
    }

    [Fact]
    public async Task Search_ModifiedCursor_ReturnsOnlyIncidentsChangedAtOrAfterIt()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key, TimeProvider = clock }, _ct);
        using var client = new XsoarClientFactory(null, TimeProvider.System, QuickRetries, new SecretScrubber())
            .Create(XsoarTestClients.Instance(simulator.BaseUrl.AbsoluteUri), new XsoarApiKey(Key));
        var old = simulator.AddIncident(Phishing("old"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = simulator.AddIncident(Phishing("fresh"));
        var cursor = (await client.GetIncidentAsync(fresh, _ct))!.Modified!.Value;
        clock.Advance(TimeSpan.FromMinutes(1));
        simulator.AddAnalystEntry(old, "analyst1", "reopened");

        var page = await client.SearchIncidentsAsync(new XsoarIncidentQuery { ModifiedFrom = cursor }, _ct);

        // At or after the cursor: the incident at the cursor itself (seen again; the intake ledger drops it) and the one
        // an analyst changed since, oldest change first.
        Assert.Equal([fresh, old], page.Incidents.Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task EntriesAndTags_WrittenThenReadBack(XsoarFlavour flavour)
    {
        var (simulator, client) = await StartAsync(flavour, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        var id = simulator.AddIncident(Phishing("p"));
        simulator.AddAnalystEntry(id, "analyst1", "/approve A2");

        var note = await client.AddEntryAsync(id, "## Triage\nlikely phishing", _ct);
        var edited = await client.EditEntryAsync(id, note.Id, note.Version!.Value, "## Triage (updated)", _ct);
        await client.SetEntryTagsAsync(id, note.Id, ["agentic-ir:triage"], _ct);
        var entries = await client.GetEntriesAsync(id, _ct);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("analyst1", "/approve A2"), (entries[0].User, entries[0].Contents));
        Assert.Equal(("## Triage (updated)", edited.Version), (entries[1].Contents, entries[1].Version - 1));
        Assert.Equal(["agentic-ir:triage"], entries[1].Tags);
        var stale = await Assert.ThrowsAsync<XsoarRequestException>(() => client.EditEntryAsync(id, note.Id, note.Version.Value, "lost update", _ct));
        Assert.Contains("version conflict", stale.XsoarMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task ExecuteCommand_RunsOnThePinnedInstanceWithQuotedArguments(XsoarFlavour flavour)
    {
        var (simulator, client) = await StartAsync(flavour, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        simulator.AddIntegration(new XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>> { ["pan-os-block-ip"] = ["ip", "log_forwarding"] }),
            ("panorama_lab", true), ("panorama_prod", true));
        var id = simulator.AddIncident(Phishing("p"));

        var entries = await client.ExecuteCommandAsync(id, "pan-os-block-ip", [new("ip", "203.0.113.7\" using=\"panorama_lab")], "panorama_prod", _ct);

        var run = Assert.Single(simulator.Commands);
        Assert.Equal(("panorama_prod", "203.0.113.7\" using=\"panorama_lab", true), (run.Instance, run.Arguments["ip"], run.Succeeded));
        Assert.False(Assert.Single(entries).IsError);
        Assert.Equal("panorama_prod", entries[0].Instance);
    }

    [Fact]
    public async Task ExecuteCommand_IntegrationFailureOrUnknownArgument_ErrorEntry()
    {
        var (simulator, client) = await StartAsync(XsoarFlavour.V6, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        simulator.AddIntegration(new XsoarSeedIntegration("Active Directory Query v2", new Dictionary<string, IReadOnlyList<string>> { ["ad-disable-account"] = ["username"] }),
            ("ad_prod", true));
        var id = simulator.AddIncident(Phishing("p"));
        simulator.FailCommand("ad-disable-account");

        var failed = Assert.Single(await client.ExecuteCommandAsync(id, "ad-disable-account", [new("username", "jdoe")], null, _ct));
        var unknown = Assert.Single(await client.ExecuteCommandAsync(id, "ad-disable-account", [new("user", "jdoe")], null, _ct));
        var ok = Assert.Single(await client.ExecuteCommandAsync(id, "ad-disable-account", [new("username", "jdoe")], null, _ct));

        Assert.True(failed.IsError);
        Assert.True(unknown.IsError);
        Assert.Contains("unknown argument", unknown.Contents, StringComparison.Ordinal);
        Assert.False(ok.IsError);
        Assert.Equal([false, false, true], simulator.Commands.Select(c => c.Succeeded));
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task PlaybookTasks_ReadCompleteOnce(XsoarFlavour flavour)
    {
        var (simulator, client) = await StartAsync(flavour, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        var id = simulator.AddIncident(Phishing("p"));

        var before = await client.GetPlaybookStateAsync(id, _ct);
        var approval = before!.Tasks.Single(t => t.Name == "Approve containment");
        var first = await client.CompleteTaskAsync(id, approval.Id, "approved by analyst1", _ct);
        var second = await client.CompleteTaskAsync(id, approval.Id, "approved again", _ct);
        var after = await client.GetPlaybookStateAsync(id, _ct);

        Assert.Equal("waiting", before.State);
        Assert.Equal("Builtin|||extractIndicators", before.Tasks.Single(t => t.State == "Completed").ScriptId);
        Assert.Equal((XsoarTaskCompletion.Completed, XsoarTaskCompletion.AlreadyCompleted), (first, second));
        Assert.Equal(("completed", "Completed"), (after!.State, after.Tasks.Single(t => t.Id == approval.Id).State));
    }

    [Fact]
    public async Task IntegrationsUsersAndRoles_ForLiveValidationAndApprovers()
    {
        var (simulator, client) = await StartAsync(XsoarFlavour.V8, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        simulator.AddIntegration(new XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>> { ["pan-os-block-ip"] = ["ip"] }),
            ("panorama_prod", true), ("panorama_old", false));
        simulator.AddUser("analyst1", "Ana", "Analyst", "Tier2");

        var catalog = await client.GetIntegrationsAsync(_ct);
        var users = await client.GetUsersAsync(_ct);
        var roles = await client.GetRolesAsync(_ct);
        var me = await client.GetCurrentUserAsync(_ct);

        Assert.Equal(["pan-os-block-ip"], Assert.Single(catalog.Integrations).Commands.Select(c => c.Name));
        Assert.Equal([true, false], catalog.Instances.Select(i => i.Enabled));
        Assert.Equal(["Analyst", "Tier2"], users.Single(u => u.Id == "analyst1").Roles);
        Assert.Contains(roles, r => r.Name == "Tier2");
        Assert.Equal("svc-agentic-ir", me.Id);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task WrongKey_UnauthorizedAndTheInstanceStops(XsoarFlavour flavour)
    {
        var (simulator, client) = await StartAsync(flavour, key: "not-the-key", ct: _ct);
        await using var _ = simulator;
        using var __ = client;

        var ex = await Assert.ThrowsAsync<XsoarUnauthorizedException>(() => client.GetCurrentUserAsync(_ct));

        Assert.Equal(401, ex.Status);
        Assert.True(client.Health.IsStopped);
        Assert.All(simulator.Requests, r => Assert.Equal("***", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Faults_ReadRetriedThroughOutage_CommandNeverRunTwice()
    {
        var (simulator, client) = await StartAsync(XsoarFlavour.V6, ct: _ct);
        await using var _ = simulator;
        using var __ = client;
        simulator.AddIntegration(new XsoarSeedIntegration("Panorama", new Dictionary<string, IReadOnlyList<string>> { ["pan-os-block-ip"] = ["ip"] }), ("panorama_prod", true));
        var id = simulator.AddIncident(Phishing("p"));

        simulator.FailNext(2, 503, pathPrefix: "/incidents/search");
        var page = await client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct);
        simulator.FailNext(1, 500, pathPrefix: "/entry/execute/sync");
        await Assert.ThrowsAsync<XsoarUnavailableException>(() => client.ExecuteCommandAsync(id, "pan-os-block-ip", [new("ip", "1.1.1.1")], null, _ct));

        Assert.Single(page.Incidents);
        Assert.Equal(3, simulator.Requests.Count(r => r.PathAndQuery == "/incidents/search"));
        Assert.Empty(simulator.Commands);
        Assert.Single(simulator.Requests, r => r.PathAndQuery == "/entry/execute/sync");
    }
}
