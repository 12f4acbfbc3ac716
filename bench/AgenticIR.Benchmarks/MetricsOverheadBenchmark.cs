using System.Globalization;
using AgenticIR.Core.Playbooks;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Replay;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Benchmarks;

/// <summary>The cost of metrics on the end-to-end replay: the same generated alerts replayed with metrics off and with
/// the JSON-lines sink, <c>runs</c> times each, alternating which goes first so drift hits both alike; reports the
/// medians and the overhead. Each replay gets a fresh database.</summary>
internal static class MetricsOverheadBenchmark
{
    public static async Task<int> RunAsync(string home, int count, int runs, int lanes)
    {
        var inv = CultureInfo.InvariantCulture;
        var work = Directory.CreateTempSubdirectory("agentic-ir-bench-metrics-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), input, count);
        Console.WriteLine($"metrics overhead: {count} alerts, {runs} runs per mode, {lanes} lanes");

        // One short warm-up replay so JIT and the page cache do not count against the first mode measured.
        var warmUp = Path.Combine(work.FullName, "warm-up.jsonl");
        AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), warmUp, 500);
        await ReplayAsync(home, work, warmUp, lanes, metrics: true);
        await BreakdownAsync(home, work, warmUp, lanes);
        var off = new List<double>();
        var on = new List<double>();
        var cpuOff = new List<double>();
        var cpuOn = new List<double>();
        long lines = 0;
        for (var run = 0; run < runs; run++)
        {
            foreach (var metrics in run % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var (seconds, cpu, written) = await ReplayAsync(home, work, input, lanes, metrics);
                (metrics ? on : off).Add(seconds);
                (metrics ? cpuOn : cpuOff).Add(cpu);
                if (metrics) lines = written;
                Console.WriteLine($"run {run + 1} metrics {(metrics ? "jsonl" : "off  ")}: {seconds.ToString("0.00", inv)} s ({(count / seconds).ToString("0", inv)} alerts/s), CPU {cpu.ToString("0.00", inv)} s{(metrics ? $", {written} events" : "")}");
            }
        }
        var medianOff = Median(off);
        var medianOn = Median(on);
        Console.WriteLine($"median off {medianOff.ToString("0.00", inv)} s ({(count / medianOff).ToString("0", inv)} alerts/s), " +
            $"jsonl {medianOn.ToString("0.00", inv)} s ({(count / medianOn).ToString("0", inv)} alerts/s), {lines} events per run");
        // Each run's two replays ran back to back, so their ratio cancels most of what other load on the machine adds.
        var paired = Median([.. on.Zip(off, (a, b) => a / b)]);
        Console.WriteLine($"median of per-run ratios (jsonl / off, same run): {((paired - 1) * 100).ToString("+0.0;-0.0", inv)}%");
        Console.WriteLine($"overhead: {((medianOn / medianOff - 1) * 100).ToString("+0.0;-0.0", inv)}% elapsed, " +
            $"{((Median(cpuOn) / Median(cpuOff) - 1) * 100).ToString("+0.0;-0.0", inv)}% process CPU (median CPU off {Median(cpuOff).ToString("0.00", inv)} s, jsonl {Median(cpuOn).ToString("0.00", inv)} s)");
        work.Delete(recursive: true);
        return 0;
    }

    // Process CPU time is reported beside elapsed time: on a shared machine it moves far less with other load.
    private static async Task<(double Seconds, double CpuSeconds, long Events)> ReplayAsync(string home, DirectoryInfo work, string input, int lanes, bool metrics)
    {
        var id = Guid.NewGuid().ToString("N");
        var jsonl = Path.Combine(work.FullName, $"metrics-{id}.jsonl");
        var options = new WorkerOptions
        {
            Home = home,
            DatabasePath = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_DB_DIR") ?? work.FullName, $"bench-{id}.db"),
            ReportsPath = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_REPORTS_DIR") ?? work.FullName, "reports-" + id),
        };
        var paths = ResolvedPaths.From(options);
        var settings = metrics ? MetricsSettings.From(jsonl, longRunning: false, _ => null) : MetricsSettings.Off;
        ReplayResult result;
        TimeSpan cpu;
        await using (var pipeline = await PipelineBuilder.BuildAsync(paths, NullLoggerFactory.Instance, s => s.AddMetrics(paths, settings), CancellationToken.None))
        {
            var runner = new ReplayRunner(pipeline.Normalizer, pipeline.Intake, pipeline.Runner, pipeline.Store, TimeProvider.System);
            var cpuBefore = Environment.CpuUsage.TotalTime;
            result = await runner.RunAsync([input], null, PlaybookMode.Shadow, lanes, NullObserver.Instance, CancellationToken.None);
            cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        }
        var events = File.Exists(jsonl) ? File.ReadLines(jsonl).LongCount() : 0;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (result.Elapsed.TotalSeconds, cpu.TotalSeconds, events);
    }

    // Where one investigation's emission goes: reading the saved record and its stage times, building the events, and
    // writing them to the file; timed alone over every investigation of a replay, 20 rounds.
    private static async Task BreakdownAsync(string home, DirectoryInfo work, string input, int lanes)
    {
        var inv = CultureInfo.InvariantCulture;
        var paths = ResolvedPaths.From(new WorkerOptions
        {
            Home = home,
            DatabasePath = Path.Combine(work.FullName, "breakdown.db"),
            ReportsPath = Path.Combine(work.FullName, "reports-breakdown"),
        });
        await using var pipeline = await PipelineBuilder.BuildAsync(paths, NullLoggerFactory.Instance, s => s.AddMetrics(paths, MetricsSettings.Off), CancellationToken.None);
        await new ReplayRunner(pipeline.Normalizer, pipeline.Intake, pipeline.Runner, pipeline.Store, TimeProvider.System)
            .RunAsync([input], null, PlaybookMode.Shadow, lanes, NullObserver.Instance, CancellationToken.None);
        var ids = (await pipeline.Store.ListAsync(100_000, CancellationToken.None)).Select(r => r.Id).ToList();
        var sinkOptions = new AgenticIR.Splunk.Sinks.JsonLinesSinkOptions { Path = Path.Combine(work.FullName, "breakdown.jsonl") };
        await using var sink = new AgenticIR.Splunk.Sinks.JsonLinesMetricsSink(sinkOptions, NullLogger<AgenticIR.Splunk.Sinks.JsonLinesMetricsSink>.Instance);
        double read = 0, build = 0, write = 0;
        long events = 0;
        const int Rounds = 20;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var id in ids)
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var record = (await pipeline.Store.GetAsync(id, CancellationToken.None))!;
                var stages = await pipeline.Store.ListStageEventsAsync(id, CancellationToken.None);
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                var batch = AgenticIR.Splunk.Events.MetricsEventFactory.ForInvestigation(record, stages);
                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                await sink.EmitAsync(batch, CancellationToken.None);
                var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
                read += System.Diagnostics.Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                build += System.Diagnostics.Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                write += System.Diagnostics.Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                events += batch.Count;
            }
        }
        var n = (double)ids.Count * Rounds;
        Console.WriteLine($"emission per investigation ({ids.Count} investigations x {Rounds}, {(events / n).ToString("0.0", inv)} events each): " +
            $"read record + stages {(read / n).ToString("0.000", inv)} ms, build events {(build / n).ToString("0.000", inv)} ms, " +
            $"serialize + write + flush {(write / n).ToString("0.000", inv)} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class NullObserver : IReplayObserver
    {
        public static NullObserver Instance { get; } = new();

        public void Started(long totalBytes)
        {
        }

        public void Completed(ReplayLine line, long inputBytes)
        {
        }
    }
}
