using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.SoarSimulator;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Benchmarks;

/// <summary><c>bench bridge [containers] [runs] [latency-ms]</c>: containers bridged per second against the Splunk SOAR
/// simulator with latency injected on every call (intake, enrichment action runs, write-back of every note and
/// finding), and the worker's own CPU time per container. The simulator runs in a child process of this executable
/// (<c>bench bridge --serve …</c>) so the worker's <see cref="Process.TotalProcessorTime"/> is its own; the child's CPU
/// is reported beside it.</summary>
internal static class BridgeBenchmark
{
    private const string Instance = "bench";

    public static async Task<int> RunAsync(string home, string[] args)
    {
        if (args.Length > 0 && args[0] == "--serve") return await ServeAsync(home, args[1..]);
        var inv = CultureInfo.InvariantCulture;
        var containers = args.Length > 0 ? int.Parse(args[0], inv) : 40;
        var runs = args.Length > 1 ? int.Parse(args[1], inv) : 3;
        var latency = args.Length > 2 ? int.Parse(args[2], inv) : 50;

        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunOnceAsync(home, containers, latency);
            results.Add(result);
            Console.WriteLine(string.Create(inv,
                $"run {run}: {containers} containers in {result.Elapsed.TotalSeconds:0.00} s = {containers / result.Elapsed.TotalSeconds:0.00} containers/s; " +
                $"worker CPU {result.WorkerCpu.TotalMilliseconds / containers:0.0} ms/container; simulator CPU {result.SimulatorCpu.TotalMilliseconds / containers:0.0} ms/container; " +
                $"{result.Requests} SOAR calls ({(double)result.Requests / containers:0.0}/container), {result.Notes} notes, {result.Artifacts} finding artifacts, {result.Cycles} cycles"));
        }
        var median = results.OrderBy(r => r.Elapsed).ElementAt(results.Count / 2);
        Console.WriteLine(string.Create(inv,
            $"median of {runs}: {containers / median.Elapsed.TotalSeconds:0.00} containers/s at {latency} ms per call; " +
            $"worker CPU {Median(results.Select(r => r.WorkerCpu.TotalMilliseconds / containers)):0.0} ms/container; " +
            $"simulator CPU {Median(results.Select(r => r.SimulatorCpu.TotalMilliseconds / containers)):0.0} ms/container"));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record RunResult(TimeSpan Elapsed, TimeSpan WorkerCpu, TimeSpan SimulatorCpu, int Requests, int Notes, int Artifacts, int Cycles);

    private static async Task<RunResult> RunOnceAsync(string home, int containers, int latencyMs)
    {
        var work = Directory.CreateTempSubdirectory("agentic-ir-bench-bridge-");
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under `dotnet X.dll` the process path is dotnet itself: pass the assembly first.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(BridgeBenchmark).Assembly.Location);
        foreach (var a in new[] { "bridge", "--serve", containers.ToString(CultureInfo.InvariantCulture), latencyMs.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        start.Environment["AGENTICIR_HOME"] = home;
        using var child = Process.Start(start)!;
        try
        {
            var ready = (await child.StandardOutput.ReadLineAsync())!.Split(' ');
            var (baseUrl, token, simulatorCpuAtStart) = (ready[0], ready[1], double.Parse(ready[2], CultureInfo.InvariantCulture));
            var paths = await WriteConfigAsync(home, work, baseUrl, token);
            await using var pipeline = await PipelineBuilder.BuildAsync(paths, NullLoggerFactory.Instance, services =>
                // The simulator finishes an action run on its third status read; polling it every 50 ms instead of the
                // production 1 s back-off keeps the figure about the bridge, not about an app's execution time.
                services.AddSingleton(new SplunkSoarDispatchOptions { PollInitialInterval = TimeSpan.FromMilliseconds(50), PollMaxInterval = TimeSpan.FromMilliseconds(50) }),
                CancellationToken.None);
            var bridge = pipeline.Get<SplunkSoarBridges>().All.Single();

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var taken = 0;
            var cycles = 0;
            while (true)
            {
                var result = await bridge.RunCycleAsync(CancellationToken.None);
                cycles++;
                if (result.Status != BridgeCycleStatus.Completed) throw new InvalidOperationException($"cycle ended {result.Status}");
                taken += result.ContainersTaken;
                if (taken >= containers && !result.MoreWaiting) break;
                if (cycles > containers + 10) throw new InvalidOperationException($"only {taken} of {containers} containers taken");
            }
            clock.Stop();
            var workerCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

            await child.StandardInput.WriteLineAsync("stats");
            var stats = (await child.StandardOutput.ReadLineAsync())!.Split(' ');
            return new RunResult(clock.Elapsed, workerCpu, TimeSpan.FromMilliseconds(double.Parse(stats[0], CultureInfo.InvariantCulture) - simulatorCpuAtStart),
                int.Parse(stats[1], CultureInfo.InvariantCulture), int.Parse(stats[2], CultureInfo.InvariantCulture), int.Parse(stats[3], CultureInfo.InvariantCulture), cycles);
        }
        finally
        {
            child.StandardInput.Close();
            await child.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static async Task<ResolvedPaths> WriteConfigAsync(string home, DirectoryInfo work, string baseUrl, string token)
    {
        var config = Directory.CreateDirectory(Path.Combine(work.FullName, "config"));
        File.Copy(Path.Combine(home, "config", "governance.yaml"), Path.Combine(config.FullName, "governance.yaml"));
        var tokenFile = Path.Combine(work.FullName, "soar.token");
        await File.WriteAllTextAsync(tokenFile, token);
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "soar.yaml"), $"""
            splunk_soar:
              - name: {Instance}
                base_url: {baseUrl.TrimEnd('/')}
                allow_http: true
                token_file: {tokenFile}
            """);
        await File.WriteAllTextAsync(Path.Combine(config.FullName, "playbooks.yaml"), """
            playbooks:
              - name: everything
                match: { labels: [phishing, events] }
                mode: shadow
            """);
        var options = new WorkerOptions
        {
            Home = home,
            PolicyPath = Path.Combine(config.FullName, "governance.yaml"),
            DatabasePath = Path.Combine(work.FullName, "state.db"),
            ReportsPath = Path.Combine(work.FullName, "reports"),
        };
        return ResolvedPaths.From(options) with
        {
            Soar = Path.Combine(config.FullName, "soar.yaml"),
            Playbooks = Path.Combine(config.FullName, "playbooks.yaml"),
        };
    }

    /// <summary>The child: a simulator seeded with <c>containers</c> copies of the sample containers (round-robin), with
    /// the latency on; prints "baseUrl token cpuMs", answers "stats" with "cpuMs requests notes findingArtifacts", exits when
    /// stdin closes.</summary>
    private static async Task<int> ServeAsync(string home, string[] args)
    {
        var containers = int.Parse(args[0], CultureInfo.InvariantCulture);
        var latency = TimeSpan.FromMilliseconds(int.Parse(args[1], CultureInfo.InvariantCulture));
        await using var simulator = await SplunkSoarSimulator.StartAsync(
            new SimulatorOptions { IncludeDefaultCatalog = true, Token = "bench-" + Guid.NewGuid().ToString("N") }, CancellationToken.None);
        var samples = Directory.GetFiles(Path.Combine(home, "samples", "soar", "containers"), "*.json").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < containers; i++)
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(samples[i % samples.Count]))!.AsObject();
            json.Remove("simulator");
            json["source_data_identifier"] = $"{json["source_data_identifier"]}-bench-{i}";
            simulator.AddContainer(json);
        }
        simulator.Latency = latency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{simulator.BaseUrl} {simulator.Token} {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0}"));
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line != "stats") continue;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            var findings = simulator.Artifacts.Count(a => (string?)a["label"] == SoarBridgeNames.FindingLabel);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cpu:0} {simulator.Requests.Count} {simulator.Notes.Count} {findings}"));
        }
        return 0;
    }
}
