using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Playbooks;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Replay;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Benchmarks;

/// <summary>End-to-end replay of generated alerts on the embedded SQLite store: throughput, per-stage latency
/// percentiles and memory sampled through the run (to show it stays flat).</summary>
internal static class ReplayBenchmark
{
    public static async Task<int> RunAsync(string home, int count, int lanes, bool distinct = false, int warmup = 0)
    {
        // Warm-up alerts are replayed on the same pipeline before the measured ones (generated as the first alerts of the
        // same corpus, so no measured alert repeats one of them): a worker runs for days, and the first seconds of a
        // process spend ~1.5 s of CPU compiling and re-compiling hot methods (tiered JIT), which a run of a few thousand
        // alerts would otherwise charge to every alert.
        var work = Directory.CreateTempSubdirectory("agentic-ir-bench-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        var warmupInput = Path.Combine(work.FullName, "warmup.jsonl");
        var all = warmup > 0 ? Path.Combine(work.FullName, "all.jsonl") : input;
        var templates = AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), all, warmup + count, distinct);
        if (warmup > 0)
        {
            var lines = File.ReadAllLines(all);
            File.WriteAllLines(warmupInput, lines[..warmup]);
            File.WriteAllLines(input, lines[warmup..]);
        }
        Console.WriteLine($"generated {count} {(distinct ? "mostly distinct" : "duplicate-heavy")} alerts from {templates} sample templates into {input}" + (warmup > 0 ? $", after {warmup} warm-up alerts" : ""));

        var stageSamples = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StageMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "stage") stageSamples.GetOrAdd((string)tag.Value!, _ => []).Add(value);
        });
        listener.Start();

        var options = new WorkerOptions
        {
            Home = home,
            DatabasePath = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_DB_DIR") ?? work.FullName, $"bench-{Guid.NewGuid():N}.db"),
            ReportsPath = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_REPORTS_DIR") ?? work.FullName, "reports-" + Guid.NewGuid().ToString("N")),
        };
        await using var pipeline = await PipelineBuilder.BuildAsync(ResolvedPaths.From(options), NullLoggerFactory.Instance, null, CancellationToken.None);
        var runner = new ReplayRunner(pipeline.Normalizer, pipeline.Intake, pipeline.Runner, pipeline.Store, TimeProvider.System);
        var memory = new MemorySampler();
        var progress = new CountingObserver(memory, count);
        if (warmup > 0)
        {
            await runner.RunAsync([warmupInput], null, PlaybookMode.Shadow, lanes, new CountingObserver(new MemorySampler(), 0), CancellationToken.None);
            stageSamples.Clear();
        }
        // allocs=1 samples allocation by type over the measured alerts; AGENTICIR_BENCH_PERF_CTL names the control FIFO of
        // `perf stat|record --control fifo:PATH -D -1`, so perf counts the measured alerts only (no start-up, no warm-up).
        using var allocations = Environment.GetEnvironmentVariable("AGENTICIR_BENCH_ALLOCS") == "1" ? new AllocationListener() : null;
        var perfControl = Environment.GetEnvironmentVariable("AGENTICIR_BENCH_PERF_CTL");
        using (memory.Start())
        {
            allocations?.Record();
            if (perfControl is not null) await File.WriteAllTextAsync(perfControl, "enable\n");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var collectionsBefore = GC.CollectionCount(0);
            var result = await runner.RunAsync([input], null, PlaybookMode.Shadow, lanes, progress, CancellationToken.None);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            if (perfControl is not null) await File.WriteAllTextAsync(perfControl, "disable\n");
            allocations?.Stop();
            Print(result, count, lanes, stageSamples, memory);
            Console.WriteLine($"CPU: {(cpu.TotalMilliseconds / count).ToString("0.00", CultureInfo.InvariantCulture)} ms per alert");
            // Allocation does not depend on the machine's load (CPU time does, through contention): it tracks the GC's share.
            Console.WriteLine($"allocated: {(allocated / 1024.0 / count).ToString("0", CultureInfo.InvariantCulture)} KB per alert, {collections} gen-0 collections");
            // The store holds the warm-up alerts too.
            PrintFootprint(options, count + warmup);
            allocations?.Print(count);
        }
        work.Delete(recursive: true);
        return 0;
    }

    private static void Print(ReplayResult result, int count, int lanes, ConcurrentDictionary<string, ConcurrentBag<double>> stages, MemorySampler memory)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"alerts: {count}, lanes: {lanes}, elapsed: {result.Elapsed.TotalSeconds.ToString("0.00", inv)} s, throughput: {(count / result.Elapsed.TotalSeconds).ToString("0", inv)} alerts/s");
        Console.WriteLine($"processed {result.Count("processed")}, merged {result.Count("merged")}, dead-lettered {result.Count("dead_lettered")}");
        Console.WriteLine("stage                    n       p50 ms   p99 ms");
        foreach (var (stage, bag) in stages.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            Console.WriteLine($"{stage,-22} {sorted.Length,6} {Percentile(sorted, 0.50).ToString("0.000", inv),9} {Percentile(sorted, 0.99).ToString("0.000", inv),8}");
        }
        Console.WriteLine($"peak working set: {memory.PeakWorkingSetMb.ToString("0", inv)} MB");
        Console.WriteLine("managed heap after GC by progress (MB): " + string.Join("  ", memory.HeapByDecile.Select(p => $"{p.Key * 10}%={p.Value.ToString("0.0", inv)}")));
    }

    private static readonly string[] DatabaseFileSuffixes = ["", "-wal"];

    // Store bytes per alert: the database with its write-ahead log (checkpointed by the store's own schedule, so the two
    // together are what the disk holds), and the report files beside it.
    private static void PrintFootprint(WorkerOptions options, int count)
    {
        var inv = CultureInfo.InvariantCulture;
        var store = DatabaseFileSuffixes.Select(suffix => new FileInfo(options.DatabasePath + suffix)).Where(f => f.Exists).Sum(f => f.Length);
        var reports = Directory.Exists(options.ReportsPath) ? Directory.EnumerateFiles(options.ReportsPath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        Console.WriteLine($"store: {(store / 1024.0 / count).ToString("0.0", inv)} KB per alert ({(store / 1048576.0).ToString("0.0", inv)} MB); reports: {(reports / 1024.0 / count).ToString("0.0", inv)} KB per alert");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class CountingObserver(MemorySampler memory, int total) : IReplayObserver
    {
        private readonly int _total = total;
        private int _done;

        public void Started(long totalBytes)
        {
        }

        public void Completed(ReplayLine line, long inputBytes)
        {
            var done = Interlocked.Increment(ref _done);
            if (_total > 0 && done % Math.Max(1, _total / 10) == 0) memory.RecordDecile(done * 10 / _total);
        }
    }

    private sealed class MemorySampler
    {
        private long _peak;
        public ConcurrentDictionary<int, double> HeapByDecile { get; } = new();
        public double PeakWorkingSetMb => Interlocked.Read(ref _peak) / 1048576.0;

        public void RecordDecile(int decile) =>
            HeapByDecile.TryAdd(decile, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);

        public Timer Start()
        {
            var timer = new Timer(_ =>
            {
                using var process = Process.GetCurrentProcess();
                var ws = process.WorkingSet64;
                long seen;
                while (ws > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, ws, seen) != seen) { }
            }, null, 0, 100);
            return timer;
        }
    }
}
