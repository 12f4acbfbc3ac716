using AgenticIR.Core.Catalog;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Security;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Dispatch;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>The XSOAR simulator with the PAN-OS and CrowdStrike integrations, one client on it (instance <c>lab</c>), a
/// fresh SQLite file with the real dispatch ledger, and an incident. <see cref="NewDispatcher"/> builds a dispatcher as a
/// restarted worker would: new caches, same ledger file.</summary>
internal sealed class XsoarDispatchHarness : IAsyncDisposable
{
    private const string Key = "sim-dispatch-key-5d2e";
    private static readonly SoarResilienceSettings QuickRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };
    private readonly TempSqliteDatabase _database = new();

    private XsoarDispatchHarness(XsoarSimulator simulator, XsoarClient client, string incidentId)
    {
        Simulator = simulator;
        Client = client;
        IncidentId = incidentId;
        Ledger = new SqliteDispatchLedger(_database.Options);
    }

    public XsoarSimulator Simulator { get; }
    public XsoarClient Client { get; }
    public string IncidentId { get; }
    public SqliteDispatchLedger Ledger { get; }
    public IActionCatalog Catalog { get; init; } = XsoarDispatchData.Catalog();
    public AutoAdvancingTimeProvider Time { get; } = new(SoarTestData.T0);
    public XsoarDispatchOptions Options { get; } = new();

    public static async Task<XsoarDispatchHarness> CreateAsync(CancellationToken cancellationToken, bool panoramaEnabled = true)
    {
        var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, cancellationToken);
        XsoarDispatchData.Seed(simulator, panoramaEnabled);
        var incident = simulator.AddIncident(new SoarSimulator.Xsoar.Model.XsoarSeedIncident { Name = "Suspicious connection", Type = "Network" });
        var client = new XsoarClientFactory(null, TimeProvider.System, QuickRetries, new SecretScrubber())
            .Create(XsoarTestClients.Instance(simulator.BaseUrl.AbsoluteUri, timeoutSeconds: 10), new XsoarApiKey(Key));
        var harness = new XsoarDispatchHarness(simulator, client, incident);
        await harness._database.MigratedAsync(harness.Time, cancellationToken);
        return harness;
    }

    public XsoarActionDispatcher NewDispatcher(IDispatchLedger? ledger = null) => new(
        new XsoarClientDirectory([Client]), Catalog, ledger ?? Ledger, new XsoarIntegrationDirectory(), Options, Time,
        NullLogger<XsoarActionDispatcher>.Instance);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
        await _database.DisposeAsync();
    }
}
