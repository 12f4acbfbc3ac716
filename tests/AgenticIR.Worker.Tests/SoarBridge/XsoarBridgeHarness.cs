using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Security;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Soar.Resilience;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>An XSOAR simulator and <c>run</c> workers pointed at it, in one throw-away folder: governance.yaml copied from
/// config/, a soar.yaml whose <c>xsoar:</c> list names the simulator (key in a file of the folder), a playbooks.yaml
/// written by the test, and one SQLite store every worker shares. Each worker is registered as <c>run</c> registers it
/// (a worker id, the lease-backed pass gate); cycles are run by the test.</summary>
internal sealed class XsoarBridgeHarness : IAsyncDisposable
{
    public const string Instance = "lab";

    private readonly DirectoryInfo _work;
    private readonly List<Pipeline> _workers = [];

    private readonly FakeTimeProvider _clock;
    private int _incidents;

    private XsoarBridgeHarness(XsoarSimulator simulator, FakeTimeProvider clock, DirectoryInfo work)
    {
        Simulator = simulator;
        _clock = clock;
        _work = work;
    }

    public XsoarSimulator Simulator { get; }

    public string Folder => _work.FullName;

    public static async Task<XsoarBridgeHarness> StartAsync(string playbooks, CancellationToken cancellationToken)
    {
        // The simulator's own clock, moved a second per incident added, so incidents carry distinct modified times.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = "xk-" + Guid.NewGuid().ToString("N"), TimeProvider = clock }, cancellationToken);
        var work = Directory.CreateTempSubdirectory("agentic-ir-xsoar-bridge-");
        var config = Directory.CreateDirectory(Path.Combine(work.FullName, "config"));
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), Path.Combine(config.FullName, "governance.yaml"));
        var keyFile = Path.Combine(work.FullName, "xsoar.key");
        await File.WriteAllTextAsync(keyFile, simulator.ApiKey + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "soar.yaml"), string.Create(CultureInfo.InvariantCulture, $"""
            splunk_soar: []
            xsoar:
              - name: {Instance}
                base_url: {simulator.BaseUrl.ToString().TrimEnd('/')}
                allow_http: true
                api_key_file: {keyFile}
                timeout_seconds: 5
                poll_interval_seconds: 30
                page_size: 2

            """), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "playbooks.yaml"), "playbooks:\n" + playbooks, cancellationToken);
        return new XsoarBridgeHarness(simulator, clock, work);
    }

    /// <summary>One <c>platform: xsoar</c> entry matching these incident types.</summary>
    public static string Entry(string name, string types, string mode) =>
        $"  - name: {name}\n    platform: xsoar\n    instance: {Instance}\n    match: {{ incident_types: [{types}] }}\n    mode: {mode}\n";

    /// <summary>A new <c>run</c> worker on the shared store and configuration (a process start, or a restart once the
    /// previous one is disposed).</summary>
    public async Task<Pipeline> StartWorkerAsync(CancellationToken cancellationToken)
    {
        var options = new WorkerOptions
        {
            Home = RepoPaths.Root,
            PolicyPath = Path.Combine(Folder, "config", "governance.yaml"),
            DatabasePath = Path.Combine(Folder, "state.db"),
            ReportsPath = Path.Combine(Folder, "reports"),
        };
        var paths = ResolvedPaths.From(options) with
        {
            Soar = Path.Combine(Folder, "config", "soar.yaml"),
            Playbooks = Path.Combine(Folder, "config", "playbooks.yaml"),
        };
        var worker = await PipelineBuilder.BuildAsync(paths, LoggerFactory.Create(_ => { }), services =>
        {
            services.AddSingleton(WorkerIdentity.Create(TimeProvider.System, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)));
            services.AddSingleton<IPassGate, WorkerPassGate>();
            services.AddSingleton<IInvestigationClaims, WorkerInvestigationClaims>();
            // Millisecond backoff, so a failing call does not wait the production seconds.
            services.AddSingleton(sp => new XsoarClientFactory(null, sp.GetRequiredService<TimeProvider>(),
                new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), MinimumThroughput = 100 },
                new SecretScrubber()));
        }, cancellationToken);
        await worker.Get<Core.Ports.IWorkerRegistry>().RegisterAsync(worker.Get<WorkerIdentity>().Registration, cancellationToken);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Stops a worker as SIGTERM does (marked stopped, so its leases are free at once) and disposes it.</summary>
    public async Task StopWorkerAsync(Pipeline worker, CancellationToken cancellationToken)
    {
        await worker.Get<Core.Ports.IWorkerRegistry>().StopAsync(worker.Get<WorkerIdentity>().Id, cancellationToken);
        _workers.Remove(worker);
        await worker.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Moves the simulator's clock up to the workers' (the system clock), so what an analyst writes from now on is
    /// not older than what the workers have asked for.</summary>
    public void CatchUpSimulatorClock()
    {
        var now = TimeProvider.System.GetUtcNow();
        if (now > _clock.GetUtcNow()) _clock.SetUtcNow(now);
    }

    public static XsoarBridge BridgeOf(Pipeline worker) => worker.Get<XsoarBridges>().All.Single();

    /// <summary>Adds an incident a second after the previous one, on its own host and address (distinct incidents, never
    /// merged as duplicates).</summary>
    public string AddIncident(string name, string type)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        var n = ++_incidents;
        return Simulator.AddIncident(new XsoarSeedIncident
        {
            Name = name,
            Type = type,
            Severity = 3,
            Labels = [new("Brand", "SentinelOne")],
            CustomFields = new JsonObject
            {
                ["hostname"] = string.Create(CultureInfo.InvariantCulture, $"FIN-WS-{n:D3}"),
                ["sourceip"] = string.Create(CultureInfo.InvariantCulture, $"10.20.4.{n}"),
            },
            Indicators = [new("IP", string.Create(CultureInfo.InvariantCulture, $"198.51.100.{n}"))],
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        await Simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
