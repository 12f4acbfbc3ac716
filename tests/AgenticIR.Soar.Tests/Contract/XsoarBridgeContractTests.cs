using System.Text.Json.Nodes;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.Soar.Tests.Xsoar;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Contract;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Soar.Xsoar.WriteBack;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarBridge;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Contract;

/// <summary>The bridge contract on Cortex XSOAR, against the XSOAR simulator.</summary>
public sealed class XsoarBridgeContractTests : SoarBridgeContract
{
    private const string Key = "sim-key-contract-5d2e";
    private readonly List<XsoarClient> _clients = [];
    private XsoarSimulator _simulator = null!;

    internal XsoarSimulator Simulator => _simulator;

    internal static PlaybookCatalog Catalog { get; } = new([new PlaybookEntry("xsoar_malware",
        new PlaybookMatch(null, [], []) { Platform = SoarPlatform.Xsoar, IncidentTypes = ["Malware"] }, PlaybookMode.Shadow, new Dictionary<Severity, PlaybookMode>())]);

    protected override string ExpectedCloseReason => "Resolved";

    protected override bool ReportsNotesAndCloser => true;

    protected override async Task StartSimulatorAsync(CancellationToken cancellationToken) =>
        _simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, cancellationToken);

    protected override async ValueTask StopSimulatorAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await _simulator.DisposeAsync();
    }

    internal override ISoarBridgeAdapter CreateBridge(SqliteStoreOptions store, FakeIntake intake) => Adapter(store, intake).Adapter;

    internal (XsoarBridgeAdapter Adapter, XsoarWriteBackService WriteBack, SqliteSoarBridgeStore Store) Adapter(SqliteStoreOptions options, FakeIntake intake)
    {
        var client = new XsoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 }, new SecretScrubber())
            .Create(XsoarTestClients.Instance(_simulator.BaseUrl.AbsoluteUri, pageSize: 10), new XsoarApiKey(Key));
        _clients.Add(client);
        // The state store's start creates the schema, the bridge tables included.
        new SqliteStateStore(options, TimeProvider.System).InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var store = new SqliteSoarBridgeStore(options, TimeProvider.System);
        var self = new XsoarSelf(client);
        var poller = new XsoarIncidentPoller(client, Catalog, new StoreXsoarIntakeCursor(store), BridgeHarness.Normalizer, intake, store, self);
        var writeBack = new XsoarWriteBackService(client, store, self, NullLogger<XsoarWriteBackService>.Instance);
        return (new XsoarBridgeAdapter(client, poller, writeBack, self), writeBack, store);
    }

    protected override string SeedMatched(string title) => _simulator.AddIncident(new XsoarSeedIncident
    {
        Name = title,
        Type = "Malware",
        Severity = 3,
        Labels = [new("Brand", "SentinelOne")],
        CustomFields = new JsonObject { ["hostname"] = "FIN-WS-022", ["sourceip"] = "10.20.4.22" },
        Indicators = [new("IP", "198.51.100.23")],
    });

    protected override void AddToFollowedItem(string externalId, string text) => _simulator.AddAnalystEntry(externalId, "analyst1", text);

    protected override void AnalystWrites(string externalId, string user, string text) => _simulator.AddAnalystEntry(externalId, user, text);

    protected override void CloseAsTruePositive(string externalId, string user, string notes) => _simulator.CloseIncident(externalId, "Resolved", notes, user);

    protected override void SetDown(bool down) => _simulator.SetDown(down);

    protected override Task<IReadOnlyList<string>> LiveNoteKindsAsync(string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(LiveKinds(_simulator, externalId));

    internal static IReadOnlyList<string> LiveKinds(XsoarSimulator simulator, string incidentId) =>
        [.. simulator.Entries(incidentId)
            .Where(e => e["user"]?.GetValue<string>() == "svc-agentic-ir")
            .Where(e => e["tags"] is not JsonArray tags || !tags.Any(t => t?.GetValue<string>() == "superseded"))
            .Select(e => e["contents"]?.GetValue<string>() ?? "")
            .Where(c => c.StartsWith("<!-- agentic-ir:", StringComparison.Ordinal))
            .Select(c => c.Split('\n', 2)[0].Split(':')[2])];

    protected override SourceReference SourceOf(string externalId) => new("xsoar", "lab", externalId);
}
