using AgenticIR.Benchmarks;
using BenchmarkDotNet.Running;

// bench triage            -> BenchmarkDotNet run of the triage hot path
// bench triage-latency    -> per-call p50/p99 of triage over many calls, in process
// bench replay [N] [lanes] [distinct] [warmup=W] -> end-to-end replay of N generated alerts on SQLite (duplicate-heavy, or mostly
//                                   distinct), optionally after W warm-up alerts on the same pipeline
// bench components       -> median cost of each pipeline component on the samples
// bench metrics-overhead [N] [runs] -> replay of N alerts with metrics off and with the JSON-lines sink, median of runs each
// bench audit-overhead [N] [runs] -> replay of N alerts with the decision audit off, as before batching, on without writes, and on; medians of runs
// bench bridge [containers] [runs] [latency-ms] -> containers bridged per second against the Splunk SOAR simulator
// bench workers [N] [rounds] [partitions] -> one `run` process against two on Kafka (mock cluster) + PostgreSQL (AGENTICIR_BENCH_PG)
// bench stores [N] [rounds] -> replay of N alerts on SQLite and on PostgreSQL (AGENTICIR_BENCH_PG), and raw inserts of the same rows
var home = Environment.GetEnvironmentVariable("AGENTICIR_HOME") ?? FindHome();
return args.FirstOrDefault() switch
{
    "replay" => await ReplayBenchmark.RunAsync(home, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount,
        distinct: args.Contains("distinct"), warmup: args.FirstOrDefault(a => a.StartsWith("warmup=", StringComparison.Ordinal)) is { } w ? int.Parse(w["warmup=".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0),
    "metrics-overhead" => await MetricsOverheadBenchmark.RunAsync(home, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5, Environment.ProcessorCount),
    "audit-overhead" => await AuditOverheadBenchmark.RunAsync(home, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3, Environment.ProcessorCount),
    "triage-latency" => await TriageLatency.RunAsync(home),
    "components" => await ComponentTimings.RunAsync(home),
    "hec" => await HecBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    "audit" => await AuditBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    "bridge" => await BridgeBenchmark.RunAsync(home, args[1..]),
    "stores" => await StoreComparisonBenchmark.RunAsync(home, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3, Environment.ProcessorCount),
    "workers" => await WorkersBenchmark.RunAsync(home, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4),
    "triage" => Run(() => BenchmarkRunner.Run<TriageBenchmarks>(args: args[1..])),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: bench (triage | triage-latency | replay [count] [lanes])");
    return 2;
}

static string FindHome()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "AgenticIR.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository or set AGENTICIR_HOME.");
}
