using System.Globalization;
using AgenticIR.Agents.Bus;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Governance.Audit;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Benchmarks;

/// <summary>The cost of the decision audit trail on the end-to-end replay: the same generated alerts replayed with the
/// decision auditor off; as it worked before batching (each message re-reads the investigation from the store, each record
/// in a commit of its own: the baseline); on but writing nothing (what building the entries costs); and fully on;
/// <c>runs</c> times each, rotating which goes first so drift hits every mode alike. Each replay gets a fresh database; the fully-on
/// replays are checked afterwards (record count and an intact chain) so a fast run cannot be a broken one.</summary>
internal static class AuditOverheadBenchmark
{
    private enum Mode
    {
        Off,
        NoWrite,
        Before,
        On,
    }

    public static async Task<int> RunAsync(string home, int count, int runs, int lanes)
    {
        var inv = CultureInfo.InvariantCulture;
        var work = Directory.CreateTempSubdirectory("agentic-ir-bench-audit-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), input, count);
        Console.WriteLine($"audit overhead: {count} alerts, {runs} runs per mode, {lanes} lanes");

        // One short warm-up replay so JIT and the page cache do not count against the first mode measured.
        var warmUp = Path.Combine(work.FullName, "warm-up.jsonl");
        AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), warmUp, 500);
        await ReplayAsync(home, work, warmUp, lanes, Mode.On);

        Mode[] modes = [Mode.Off, Mode.Before, Mode.NoWrite, Mode.On];
        var seconds = modes.ToDictionary(m => m, _ => new List<double>());
        var cpu = modes.ToDictionary(m => m, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var mode in modes.Skip(run % modes.Length).Concat(modes.Take(run % modes.Length)))
            {
                var (elapsed, cpuSeconds, records) = await ReplayAsync(home, work, input, lanes, mode);
                seconds[mode].Add(elapsed);
                cpu[mode].Add(cpuSeconds);
                Console.WriteLine($"run {run + 1} audit {Label(mode)}: {elapsed.ToString("0.00", inv)} s ({(count / elapsed).ToString("0", inv)} alerts/s), " +
                    $"CPU {cpuSeconds.ToString("0.00", inv)} s{(records > 0 ? $", {records} audit records, chain intact" : "")}");
            }
        }
        foreach (var mode in modes)
        {
            var median = Median(seconds[mode]);
            Console.WriteLine($"median audit {Label(mode)}: {median.ToString("0.00", inv)} s ({(count / median).ToString("0", inv)} alerts/s), CPU {Median(cpu[mode]).ToString("0.00", inv)} s");
        }
        // Each run's replays ran back to back, so their ratio cancels most of what other load on the machine adds.
        foreach (var mode in new[] { Mode.Before, Mode.NoWrite, Mode.On })
        {
            var paired = Median([.. seconds[mode].Zip(seconds[Mode.Off], (a, b) => a / b)]);
            var pairedCpu = Median([.. cpu[mode].Zip(cpu[Mode.Off], (a, b) => a / b)]);
            Console.WriteLine($"median of per-run ratios ({Label(mode).Trim()} / off, same run): {((paired - 1) * 100).ToString("+0.0;-0.0", inv)}% elapsed, " +
                $"{((pairedCpu - 1) * 100).ToString("+0.0;-0.0", inv)}% CPU");
        }
        var gain = Median([.. seconds[Mode.Before].Zip(seconds[Mode.On], (a, b) => a / b)]);
        Console.WriteLine($"median of per-run ratios (before / on, same run): {gain.ToString("0.00", inv)}x throughput");
        work.Delete(recursive: true);
        return 0;
    }

    private static string Label(Mode mode) => mode switch
    {
        Mode.Off => "off           ",
        Mode.NoWrite => "no-write      ",
        Mode.Before => "before        ",
        _ => "on            ",
    };

    private static async Task<(double Seconds, double CpuSeconds, long Records)> ReplayAsync(string home, DirectoryInfo work, string input, int lanes, Mode mode)
    {
        var id = Guid.NewGuid().ToString("N");
        var paths = ResolvedPaths.From(new WorkerOptions
        {
            Home = home,
            DatabasePath = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_DB_DIR") ?? work.FullName, $"bench-{id}.db"),
            ReportsPath = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_REPORTS_DIR") ?? work.FullName, "reports-" + id),
        });
        ReplayResult result;
        TimeSpan cpu;
        long records = 0;
        await using (var pipeline = await PipelineBuilder.BuildAsync(paths, NullLoggerFactory.Instance, s => Override(s, mode), CancellationToken.None))
        {
            var runner = new ReplayRunner(pipeline.Normalizer, pipeline.Intake, pipeline.Runner, pipeline.Store, TimeProvider.System);
            var cpuBefore = Environment.CpuUsage.TotalTime;
            result = await runner.RunAsync([input], null, PlaybookMode.Shadow, lanes, NullObserver.Instance, CancellationToken.None);
            cpu = Environment.CpuUsage.TotalTime - cpuBefore;
            if (mode is Mode.On or Mode.Before)
            {
                var verification = await pipeline.Get<IAuditTrail>().VerifyAsync(null, CancellationToken.None);
                if (!verification.IsIntact) throw new InvalidOperationException($"audit chain broken: {verification.Problem}");
                records = verification.RecordsVerified;
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (result.Elapsed.TotalSeconds, cpu.TotalSeconds, records);
    }

    // Registered before the pipeline's own TryAdds, so these win. Off: the decision auditor's subscriptions are dropped
    // (other subscribers are kept). No-write: the auditor runs in full but its appends go nowhere. Before: messages reach
    // subscribers without the saved record (so the auditor reads it back from the store) and a batch is handed to the
    // SQLite log as concurrent single appends (Task.WhenAll of AppendAsync), as the auditor did before.
    private static void Override(IServiceCollection services, Mode mode)
    {
        if (mode == Mode.Before)
        {
            services.AddSingleton<IAuditLog>(sp => new OneAppendPerEntry(sp.GetRequiredService<IAuditTrail>()));
            services.AddSingleton<IMessageBus>(sp => new WithoutSavedRecord(ActivatorUtilities.CreateInstance<InProcessMessageBus>(sp)));
        }
        if (mode == Mode.Off)
            services.AddSingleton<IMessageBus>(sp => new WithoutDecisionAuditor(ActivatorUtilities.CreateInstance<InProcessMessageBus>(sp)));
        if (mode == Mode.NoWrite)
            services.AddSingleton<IAuditLog>(new DiscardingAuditLog());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class WithoutDecisionAuditor(IMessageBus inner) : IMessageBus
    {
        public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) => inner.PublishAsync(message, cancellationToken);

        public Task DeliverAsync(BusMessage message, CancellationToken cancellationToken) => inner.DeliverAsync(message, cancellationToken);

        public void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler)
        {
            if (handler.Target is not DecisionAuditor) inner.Subscribe(type, handler);
        }

        public Task<int> RedeliverAsync(CancellationToken cancellationToken) => inner.RedeliverAsync(cancellationToken);

        public Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }

    private sealed class WithoutSavedRecord(IMessageBus inner) : IMessageBus
    {
        public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) => inner.PublishAsync(message with { Record = null }, cancellationToken);

        public Task DeliverAsync(BusMessage message, CancellationToken cancellationToken) => inner.DeliverAsync(message with { Record = null }, cancellationToken);

        public void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler) => inner.Subscribe(type, handler);

        public Task<int> RedeliverAsync(CancellationToken cancellationToken) => inner.RedeliverAsync(cancellationToken);

        public Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }

    private sealed class OneAppendPerEntry(IAuditLog inner) : IAuditLog
    {
        public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) => inner.AppendAsync(entry, cancellationToken);

        public async Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
            await Task.WhenAll(entries.Select(e => inner.AppendAsync(e, cancellationToken)));
    }

    private sealed class DiscardingAuditLog : IAuditLog
    {
        private long _sequence;

        public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
            Task.FromResult(new AuditRecord(Interlocked.Increment(ref _sequence), DateTimeOffset.UnixEpoch, entry, "", ""));
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
