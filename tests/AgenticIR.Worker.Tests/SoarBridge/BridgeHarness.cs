using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.Resilience;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Testing;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>A Splunk SOAR simulator and a worker pipeline pointed at it, in one throw-away folder: governance.yaml copied
/// from config/, a soar.yaml naming the simulator (token in a file of the folder, so parallel tests never share an
/// environment variable), and a playbooks.yaml written by the test. Cycles are run by the test, one at a time.</summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    public const string Instance = "sim";

    private readonly DirectoryInfo _work;
    private readonly Action<IServiceCollection, BridgeHarness>? _overrides;
    private readonly List<Pipeline> _others = [];

    private BridgeHarness(SplunkSoarSimulator simulator, DirectoryInfo work, Action<IServiceCollection, BridgeHarness>? overrides)
    {
        Simulator = simulator;
        _work = work;
        _overrides = overrides;
    }

    public SplunkSoarSimulator Simulator { get; }

    /// <summary>The pipeline built last (<see cref="RestartAsync"/> replaces it).</summary>
    public Pipeline Pipeline { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public string Folder => _work.FullName;

    public string DatabasePath => Path.Combine(_work.FullName, "state.db");

    public SplunkSoarBridge Bridge => Pipeline.Get<SplunkSoarBridges>().All.Single();

    /// <param name="playbooks">The <c>playbooks:</c> entries, as YAML lines.</param>
    /// <param name="overrides">Extra registrations (a clock, a decorated store…); the harness registers fast action-run polling and retries after them, so those two win.</param>
    /// <param name="simulatorTime">Clock of the simulator (its timestamps); the system clock when null.</param>
    /// <param name="instanceOptions">Extra keys of the instance in soar.yaml, as YAML lines indented for the entry
    /// (e.g. <c>approvals: asset_approvers</c>).</param>
    /// <param name="configureSimulator">Changes to the simulator's options (e.g. how it shapes its records) before it starts.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<BridgeHarness> StartAsync(string playbooks, Action<IServiceCollection, BridgeHarness>? overrides = null,
        TimeProvider? simulatorTime = null, string? instanceOptions = null, Action<SimulatorOptions>? configureSimulator = null,
        CancellationToken cancellationToken = default)
    {
        var simulatorOptions = new SimulatorOptions
        {
            IncludeDefaultCatalog = true,
            Token = "tok-" + Guid.NewGuid().ToString("N"),
            TimeProvider = simulatorTime ?? TimeProvider.System,
        };
        configureSimulator?.Invoke(simulatorOptions);
        var simulator = await SplunkSoarSimulator.StartAsync(simulatorOptions, cancellationToken);
        var work = Directory.CreateTempSubdirectory("agentic-ir-bridge-");
        var config = Directory.CreateDirectory(Path.Combine(work.FullName, "config"));
        File.Copy(Path.Combine(RepoPaths.Config, "governance.yaml"), Path.Combine(config.FullName, "governance.yaml"));
        var tokenFile = Path.Combine(work.FullName, "soar.token");
        await File.WriteAllTextAsync(tokenFile, simulator.Token + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "soar.yaml"), string.Create(CultureInfo.InvariantCulture, $"""
            splunk_soar:
              - name: {Instance}
                base_url: {simulator.BaseUrl.ToString().TrimEnd('/')}
                allow_http: true
                token_file: {tokenFile}
                timeout_seconds: 5
                poll_interval_seconds: 30
                page_size: 10

            """) + (instanceOptions is null ? "" : "    " + instanceOptions.Trim() + "\n"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "playbooks.yaml"), "playbooks:\n" + playbooks, cancellationToken);

        var harness = new BridgeHarness(simulator, work, overrides);
        await harness.BuildAsync(cancellationToken);
        return harness;
    }

    /// <summary>One shadow entry per label.</summary>
    public static string Entry(string name, string labels, string mode, string? bySeverity = null) =>
        $"  - name: {name}\n    match: {{ labels: [{labels}] }}\n    mode: {mode}\n" + (bySeverity is null ? "" : $"    by_severity: {{ {bySeverity} }}\n");

    /// <summary>Replaces the playbooks file (the catalog re-reads it when it changes).</summary>
    public Task WritePlaybooksAsync(string playbooks, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(Folder, "config", "playbooks.yaml"), "playbooks:\n" + playbooks, cancellationToken);

    /// <summary>Disposes the pipeline and builds a new one on the same database and configuration: a worker restart.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await Pipeline.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await BuildAsync(cancellationToken);
    }

    public Task<BridgeCycleResult> CycleAsync(CancellationToken cancellationToken) => Bridge.RunCycleAsync(cancellationToken);

    /// <summary>Runs cycles until one completes with nothing more waiting (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<BridgeCycleResult>> CyclesUntilQuietAsync(CancellationToken cancellationToken, int max = 10)
    {
        var results = new List<BridgeCycleResult>();
        for (var i = 0; i < max; i++)
        {
            var result = await CycleAsync(cancellationToken);
            results.Add(result);
            if (result is { Status: BridgeCycleStatus.Completed, MoreWaiting: false }) break;
        }
        return results;
    }

    /// <summary>Seeds one sample container from samples/soar/containers (by file-name prefix, e.g. "01"); returns its id.</summary>
    public long SeedSample(string prefix, string? label = null)
    {
        var file = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "soar", "containers"), prefix + "-*.json").Single();
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json.Remove("simulator");
        if (label is not null) json["label"] = label;
        // A fresh identifier per seed, so the same sample can be seeded twice.
        json["source_data_identifier"] = $"{json["source_data_identifier"]}-{Guid.NewGuid():N}";
        return Simulator.AddContainer(json);
    }

    /// <summary>Requests that concern one container (its record, artifacts, notes, comments, runs, or a body naming it);
    /// the container list calls are not among them.</summary>
    public IReadOnlyList<RecordedRequest> RequestsAbout(long containerId)
    {
        var id = containerId.ToString(CultureInfo.InvariantCulture);
        var path = new Regex($@"/container/{id}(/|\?|$)|_filter_container(_id)?={id}(&|$)", RegexOptions.CultureInvariant);
        return [.. Simulator.Requests.Where(r => path.IsMatch(r.PathAndQuery) || BodyNames(r.Body, id))];
    }

    private static bool BodyNames(string body, string id)
    {
        if (body.Length == 0 || !body.StartsWith('{')) return false;
        var json = JsonNode.Parse(body) as JsonObject;
        return string.Equals(json?["container_id"]?.ToJsonString(), id, StringComparison.Ordinal)
            || string.Equals(json?["container"]?.ToJsonString(), id, StringComparison.Ordinal);
    }

    public IReadOnlyList<JsonObject> NotesOf(long containerId) => [.. Simulator.Notes.Where(n => ContainerOf(n) == containerId)];

    public IReadOnlyList<JsonObject> ArtifactsOf(long containerId) => [.. Simulator.Artifacts.Where(a => ContainerOf(a) == containerId)];

    public IReadOnlyList<JsonObject> FindingArtifactsOf(long containerId) =>
        [.. ArtifactsOf(containerId).Where(a => (string?)a["label"] == SoarBridgeNames.FindingLabel)];

    public static long? ContainerOf(JsonObject item) =>
        item["container"] is JsonValue v && v.TryGetValue<long>(out var id) ? id
        : item["container_id"] is JsonValue w && w.TryGetValue<long>(out var id2) ? id2 : null;

    /// <summary>Another worker on the same database and configuration (a second <c>run</c> process beside
    /// <see cref="Pipeline"/>), with <paramref name="extra"/> registered after the harness's overrides; disposed with the harness.</summary>
    public async Task<Pipeline> AddWorkerAsync(Action<IServiceCollection> extra, CancellationToken cancellationToken)
    {
        var pipeline = await BuildPipelineAsync(extra, cancellationToken);
        _others.Add(pipeline);
        return pipeline;
    }

    private async Task BuildAsync(CancellationToken cancellationToken) => Pipeline = await BuildPipelineAsync(null, cancellationToken);

    private async Task<Pipeline> BuildPipelineAsync(Action<IServiceCollection>? extra, CancellationToken cancellationToken)
    {
        var options = new WorkerOptions
        {
            Home = RepoPaths.Root,
            PolicyPath = Path.Combine(Folder, "config", "governance.yaml"),
            DatabasePath = DatabasePath,
            ReportsPath = Path.Combine(Folder, "reports"),
        };
        var paths = ResolvedPaths.From(options) with
        {
            Soar = Path.Combine(Folder, "config", "soar.yaml"),
            Playbooks = Path.Combine(Folder, "config", "playbooks.yaml"),
        };
        var loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        return await PipelineBuilder.BuildAsync(paths, loggers, services =>
        {
            _overrides?.Invoke(services, this);
            extra?.Invoke(services);
            // Fast action-run polling and retries: the simulator moves a run on per read, so waits only cost time.
            services.AddSingleton(new SplunkSoarDispatchOptions
            {
                PollInitialInterval = TimeSpan.FromMilliseconds(10),
                PollMaxInterval = TimeSpan.FromMilliseconds(20),
            });
            services.AddSingleton(sp => new SoarClientFactory(loggers, sp.GetRequiredService<TimeProvider>(), FastRetries));
        }, cancellationToken);
    }

    /// <summary>Retries with millisecond backoff, so a test of 500s does not wait the production seconds.</summary>
    public static SoarResilienceSettings FastRetries { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    /// <summary>Moves the fake clock while <paramref name="work"/> runs, so its backoff delays and circuit-breaker
    /// timings elapse in fake time (the real waits are only yields to let the HTTP calls complete).</summary>
    public static async Task<T> WithClockAsync<T>(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Task<T> work)
    {
        while (!work.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.WhenAny(work, Task.Delay(1, TestContext.Current.CancellationToken));
        }
        return await work;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others) await other.DisposeAsync();
        await Pipeline.DisposeAsync();
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
