using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Contract;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarBridge;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Contract;

/// <summary>The bridge contract on Splunk SOAR, against the Splunk SOAR simulator, through the existing bridge parts.</summary>
public sealed class SplunkSoarBridgeContractTests : SoarBridgeContract
{
    private const string Disposition = "disposition";
    private SplunkSoarSimulator _simulator = null!;
    private ISplunkSoarClient? _reader;

    protected override string ExpectedCloseReason => "true_positive";

    // Splunk SOAR containers carry no close notes; who closed is not in the simulator's container record.
    protected override bool ReportsNotesAndCloser => false;

    protected override async Task StartSimulatorAsync(CancellationToken cancellationToken) =>
        _simulator = await SplunkSoarSimulator.StartAsync(new SimulatorOptions { Token = "tok-" + Guid.NewGuid().ToString("N") }, cancellationToken);

    protected override ValueTask StopSimulatorAsync() => _simulator.DisposeAsync();

    private ISplunkSoarClient Client() =>
        new SoarClientFactory(null, TimeProvider.System, new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MinimumThroughput = 100 })
            .Create(new SoarInstanceDefinition { Name = "lab", BaseUrl = _simulator.BaseUrl, AllowHttp = true, TokenEnv = "AGENTICIR_SOAR_LAB_TOKEN" }, _simulator.Token);

    internal override ISoarBridgeAdapter CreateBridge(SqliteStoreOptions store, FakeIntake intake)
    {
        var client = Client();
        var clients = new SoarClientDirectory([client]);
        var options = new SplunkSoarBridgeOptions { PageSize = 100 };
        var state = new SqliteStateStore(store, TimeProvider.System);
        state.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var poller = new ContainerPoller(clients, BridgeHarness.Catalog(BridgeHarness.Entry("phishing", PlaybookMode.Shadow, "phishing")),
            new SqliteSoarBridgeStore(store, TimeProvider.System), state, BridgeHarness.Normalizer, intake, options, TimeProvider.System, NullLogger<ContainerPoller>.Instance);
        var writeBack = new WriteBackService(clients, new SqliteSoarBridgeStore(store, TimeProvider.System), options, NullLogger<WriteBackService>.Instance);
        return new SplunkSoarBridgeAdapter("lab", client, poller, writeBack, Disposition);
    }

    protected override string SeedMatched(string title) => _simulator.AddContainer(new SeedContainer
    {
        Name = title,
        Label = "phishing",
        Severity = "medium",
        Artifacts = [new SeedArtifact { Name = "beacon", Cef = new Dictionary<string, string> { ["sourceAddress"] = "10.20.4.22", ["destinationAddress"] = "198.51.100.23" } }],
    }).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override void AddToFollowedItem(string externalId, string text) =>
        _simulator.AddArtifact(long.Parse(externalId, System.Globalization.CultureInfo.InvariantCulture), new SeedArtifact
        {
            Name = text,
            SourceDataIdentifier = "added-" + Guid.NewGuid().ToString("N"),
            Cef = new Dictionary<string, string> { ["destinationAddress"] = "185.220.101.47" },
        });

    protected override void AnalystWrites(string externalId, string user, string text) =>
        _simulator.AddComment(long.Parse(externalId, System.Globalization.CultureInfo.InvariantCulture), user, text);

    protected override void CloseAsTruePositive(string externalId, string user, string notes) =>
        _simulator.CloseContainer(long.Parse(externalId, System.Globalization.CultureInfo.InvariantCulture), "high", "closed", Disposition, "true_positive");

    protected override void SetDown(bool down) => _simulator.SetDown(down);

    protected override async Task<IReadOnlyList<string>> LiveNoteKindsAsync(string externalId, CancellationToken cancellationToken)
    {
        _reader ??= Client();
        var notes = await _reader.ListNotesAsync(long.Parse(externalId, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return [.. notes.Where(n => n.Title.StartsWith("AgenticIR · ", StringComparison.Ordinal))
            .Select(n => n.Content.Split('\n', 2)[0]) // <!-- agentic-ir:<investigation>:<kind>_note -->
            .Select(line => line.Split(':')[^1].Replace("_note -->", "", StringComparison.Ordinal).Trim())];
    }

    protected override SourceReference SourceOf(string externalId) => new("splunk_soar", "lab", externalId);
}
