using System.Text.Json.Nodes;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Security;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Soar.Resilience;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>Incident intake against the simulator: by incident type and attached playbook, normalized through the
/// XSOAR mapping, each incident handed over exactly once however often a search returns it.</summary>
public sealed class XsoarIncidentPollerTests : IAsyncLifetime
{
    private const string Key = "sim-key-4b1f9e2d7c";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeIntake _intake = new();
    private readonly InMemoryXsoarIntakeCursor _cursor = new();
    private XsoarSimulator _simulator = null!;
    private XsoarClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, _ct);
        _client = new XsoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 }, new SecretScrubber())
            .Create(XsoarTestClients.Instance(_simulator.BaseUrl.AbsoluteUri, pageSize: 2), new XsoarApiKey(Key));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    private static PlaybookEntry Xsoar(string name, PlaybookMode mode, string[] types, string[]? playbooks = null, string? instance = null) =>
        new(name, new PlaybookMatch(instance, [], playbooks ?? []) { Platform = SoarPlatform.Xsoar, IncidentTypes = types }, mode, new Dictionary<Severity, PlaybookMode>());

    private XsoarIncidentPoller Poller(params PlaybookEntry[] entries) =>
        new(_client, new PlaybookCatalog(entries), _cursor, BridgeHarness.Normalizer, _intake);

    private string Incident(string name, string type, string? playbook = null) => _simulator.AddIncident(new XsoarSeedIncident
    {
        Name = name,
        Type = type,
        Severity = 3,
        PlaybookId = playbook,
        Labels = [new("Brand", "SentinelOne")],
        CustomFields = new JsonObject { ["hostname"] = "FIN-WS-022", ["sourceip"] = "10.20.4.22" },
        Indicators = [new("IP", "198.51.100.23")],
    });

    [Fact]
    public async Task Poll_MatchingTypes_EachIncidentTakenOnceNormalizedWithItsEntry()
    {
        var first = Incident("beacon 1", "Malware");
        var second = Incident("beacon 2", "Malware");
        var third = Incident("phish", "Phishing");
        Incident("scan", "Vulnerability");
        var poller = Poller(Xsoar("xsoar_malware", PlaybookMode.Shadow, ["Malware", "Phishing"]));

        var pass = await poller.PollOnceAsync(_ct);

        Assert.Equal((3, 0, 0), (pass.Taken, pass.Seen, pass.LeftAlone));
        Assert.Equal(new[] { first, second, third }.Select(id => $"xsoar:lab:incident:{id}"), _intake.Ingested.Select(i => i.Key));
        var (_, raw, normalized, context) = _intake.Ingested[0];
        Assert.Equal("xsoar_incident", normalized.Format);
        Assert.Equal("beacon 1", normalized.Alert!.Title);
        Assert.Equal(Severity.High, normalized.Alert.SourceSeverity);
        Assert.Contains(normalized.Alert.Observables, o => o.Value == "FIN-WS-022" && o.Origin == ObservableOrigin.Entity);
        Assert.Contains("198.51.100.23", raw.Content, StringComparison.Ordinal);
        Assert.Equal(("xsoar", "lab", first), (context.Source!.Platform, context.Source.Instance, context.Source.ExternalId));
        Assert.Equal("xsoar_malware", context.Playbook!.Playbook);
        Assert.Contains(_simulator.Requests, r => r.PathAndQuery == "/incidents/search" && r.Body.Contains("\"Malware\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_Again_SearchesFromTheCursorAndTakesNothingTwice()
    {
        var old = Incident("beacon", "Malware");
        var poller = Poller(Xsoar("xsoar_malware", PlaybookMode.Shadow, ["Malware"]));
        await poller.PollOnceAsync(_ct);
        _simulator.AddAnalystEntry(old, "analyst1", "looking");
        var fresh = Incident("beacon 2", "Malware");

        var pass = await poller.PollOnceAsync(_ct);

        Assert.Equal((1, 1), (pass.Taken, pass.Seen));
        Assert.Equal(2, _intake.Ingested.Count);
        Assert.Equal($"xsoar:lab:incident:{fresh}", _intake.Ingested[^1].Key);
        Assert.Contains(_simulator.Requests, r => r.PathAndQuery == "/incidents/search" && r.Body.Contains("modified:>=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_PlaybookNarrowsTheType_FirstMatchingEntryInFileOrderWins()
    {
        var withPlaybook = Incident("phish with playbook", "Phishing", "Phishing Investigation - Generic v2");
        var other = Incident("phish, other playbook", "Phishing", "Custom Phishing");
        var poller = Poller(
            Xsoar("generic_phishing", PlaybookMode.Assisted, ["Phishing"], ["Phishing Investigation - Generic v2"]),
            Xsoar("other_instance", PlaybookMode.Autonomous, ["Phishing"], instance: "elsewhere"),
            Xsoar("off_for_the_rest", PlaybookMode.Off, ["Phishing"]));

        var pass = await poller.PollOnceAsync(_ct);

        Assert.Equal((1, 1), (pass.Taken, pass.LeftAlone));
        var taken = Assert.Single(_intake.Ingested);
        Assert.Equal(($"xsoar:lab:incident:{withPlaybook}", "generic_phishing"), (taken.Key, taken.Context.Playbook!.Playbook));
        Assert.DoesNotContain(_intake.Ingested, i => i.Key.EndsWith(other, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_OnlySplunkEntries_AsksXsoarNothing()
    {
        Incident("beacon", "Malware");
        var poller = Poller(new PlaybookEntry("splunk", new PlaybookMatch(null, ["events"], []), PlaybookMode.Shadow, new Dictionary<Severity, PlaybookMode>()));

        var pass = await poller.PollOnceAsync(_ct);

        Assert.Equal(0, pass.Taken);
        Assert.Empty(_simulator.Requests);
    }

    [Fact]
    public async Task Poll_OutageMidPass_FailsThenResumesWithoutTakingAnythingTwice()
    {
        foreach (var n in Enumerable.Range(1, 3)) Incident($"beacon {n}", "Malware");
        var poller = Poller(Xsoar("xsoar_malware", PlaybookMode.Shadow, ["Malware"]));
        _intake.AfterIngest = count => { if (count == 2) _simulator.SetDown(true); };

        await Assert.ThrowsAsync<XsoarUnavailableException>(() => poller.PollOnceAsync(_ct));
        _simulator.SetDown(false);
        _intake.AfterIngest = null;
        var pass = await poller.PollOnceAsync(_ct);

        Assert.Equal(3, _intake.Ingested.Count);
        Assert.Equal(3, _intake.Ingested.Select(i => i.Key).Distinct().Count());
        Assert.Equal(1, pass.Taken);
    }
}
