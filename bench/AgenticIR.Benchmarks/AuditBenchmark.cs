using System.Diagnostics;
using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Benchmarks;

/// <summary>Audit trail on the embedded store (issue 4 item 6): appends per second from one sequential appender and from
/// many concurrent ones (group commit), each the median of 5 runs on a fresh file, then the verify rate over a large trail.</summary>
internal static class AuditBenchmark
{
    private const int Runs = 5;
    private const int SequentialAppends = 20_000;
    private const int ConcurrentTasks = 64;
    private const int AppendsPerTask = 1_000;

    public static async Task<int> RunAsync(int verifyRecords)
    {
        var work = Directory.CreateTempSubdirectory("agentic-ir-audit-bench-");
        var folder = Environment.GetEnvironmentVariable("AGENTICIR_BENCH_DB_DIR") ?? work.FullName;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"audit benchmark, database folder {folder}, {Environment.ProcessorCount} cores");

        var sequential = new List<double>();
        var concurrent = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            sequential.Add(await WithFreshLogAsync(folder, log => SequentialAsync(log, SequentialAppends)));
            concurrent.Add(await WithFreshLogAsync(folder, log => ConcurrentAsync(log, ConcurrentTasks, AppendsPerTask)));
            Console.WriteLine($"run {run}: sequential {sequential[^1].ToString("N0", inv)}/s, concurrent {concurrent[^1].ToString("N0", inv)}/s");
        }
        Console.WriteLine($"appends/s, sequential (1 appender, {SequentialAppends:N0} appends): median {Median(sequential).ToString("N0", inv)}  runs {List(sequential)}");
        Console.WriteLine($"appends/s, concurrent ({ConcurrentTasks} tasks x {AppendsPerTask:N0}): median {Median(concurrent).ToString("N0", inv)}  runs {List(concurrent)}");

        var path = Path.Combine(folder, $"audit-verify-{Guid.NewGuid():N}.db");
        using (var log = await OpenAsync(path))
        {
            var perTask = verifyRecords / ConcurrentTasks;
            var fill = await ConcurrentAsync(log, ConcurrentTasks, perTask);
            var total = perTask * ConcurrentTasks;
            Console.WriteLine($"filled {total.ToString("N0", inv)} records at {fill.ToString("N0", inv)}/s; file {new FileInfo(path).Length / 1_048_576.0:0} MB");
            var rates = new List<double>();
            for (var run = 1; run <= 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var result = await log.VerifyAsync(null, CancellationToken.None);
                clock.Stop();
                if (!result.IsIntact || result.RecordsVerified != total) throw new InvalidOperationException($"verify failed: {result.Problem}");
                rates.Add(total / clock.Elapsed.TotalSeconds);
                Console.WriteLine($"verify run {run}: {clock.Elapsed.TotalSeconds.ToString("0.00", inv)} s, {rates[^1].ToString("N0", inv)} records/s");
            }
            Console.WriteLine($"verify records/s over {total.ToString("N0", inv)} records: median {Median(rates).ToString("N0", inv)}  runs {List(rates)}");
        }
        SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
        if (folder != work.FullName) DeleteDatabase(path);
        return 0;
    }

    private static async Task<double> WithFreshLogAsync(string folder, Func<SqliteAuditLog, Task<double>> measure)
    {
        var path = Path.Combine(folder, $"audit-{Guid.NewGuid():N}.db");
        double rate;
        using (var log = await OpenAsync(path))
        {
            rate = await measure(log);
        }
        SqliteConnection.ClearAllPools();
        DeleteDatabase(path);
        return rate;
    }

    private static async Task<SqliteAuditLog> OpenAsync(string path)
    {
        var options = new SqliteStoreOptions { Path = path };
        await new SqliteStateStore(options, TimeProvider.System).InitializeAsync(CancellationToken.None);
        return new SqliteAuditLog(options, TimeProvider.System);
    }

    private static async Task<double> SequentialAsync(SqliteAuditLog log, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await log.AppendAsync(Entry(i), CancellationToken.None);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> ConcurrentAsync(SqliteAuditLog log, int tasks, int perTask)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < perTask; i++) await log.AppendAsync(Entry(t * perTask + i), CancellationToken.None);
        })));
        return tasks * perTask / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A record the size of a real one: every required field filled, two details.</summary>
    private static AuditEntry Entry(int i) => new()
    {
        AgentName = "response_orchestrator",
        ActionType = (i % 4) switch { 0 => "decision", 1 => "enrichment_query", 2 => "approval_request", _ => "action_outcome" },
        Target = $"ws-{i % 5000:D4}.corp.example",
        Justification = "Beaconing to a known C2 address from a host with a new persistence entry; containment recommended.",
        ApprovalStatus = "auto_approved",
        ApproverIdentity = i % 10 == 0 ? "alice@corp.example" : "",
        Outcome = "success",
        EvidenceHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        InvestigationId = $"inv-{i / 20:x8}",
        Details = new Dictionary<string, string> { ["step"] = (i % 12).ToString(CultureInfo.InvariantCulture), ["tool"] = "ip_connections" },
    };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string List(List<double> values) => string.Join(", ", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)));

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
    }
}
