using System.Diagnostics;
using System.Globalization;
using AgenticIR.Core.State;
using AgenticIR.Kafka.MockCluster;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Shared;
using Confluent.Kafka;
using Npgsql;

namespace AgenticIR.Benchmarks;

/// <summary>One <c>agentic-ir run</c> process against two, on the same Kafka topic contents and a fresh PostgreSQL database
/// each time: the mostly-distinct corpus is produced to a topic of librdkafka's mock cluster (in this process), then the
/// workers are started as separate processes in one consumer group; once every worker holds partitions the corpus is
/// produced and timed until every input is processed, merged or dead-lettered and no investigation is unfinished (read from
/// the store, as <c>status</c> does).
/// Rounds alternate which configuration goes first.</summary>
internal static class WorkersBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(string home, int count, int rounds, int partitions)
    {
        var inv = CultureInfo.InvariantCulture;
        var server = BenchMachine.RequirePostgresServer();
        var work = Directory.CreateTempSubdirectory("agentic-ir-bench-workers-");
        var input = Path.Combine(work.FullName, "alerts.jsonl");
        AlertGenerator.Generate(Path.Combine(home, "samples", "alerts"), Path.Combine(home, "samples", "data"), Path.Combine(home, "mappings"), input, count, distinct: true);
        var alerts = File.ReadAllLines(input).Where(l => l.Length > 0).ToList();
        using var kafka = KafkaMockCluster.Start();
        Console.WriteLine($"workers: {alerts.Count} mostly-distinct alerts, {partitions} partitions, {rounds} rounds, server {PostgresConnectionString.Describe(server)}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"load average at start: {BenchMachine.LoadAverage()}");

        var one = new List<Run>();
        var two = new List<Run>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var workers in round % 2 == 1 ? new[] { 1, 2 } : [2, 1])
            {
                var run = await RunOnceAsync(home, work, kafka, alerts, partitions, workers, server);
                (workers == 1 ? one : two).Add(run);
                Console.WriteLine(string.Create(inv,
                    $"round {round} {workers} worker(s): {run.Seconds:0.00} s ({alerts.Count / run.Seconds:0} alerts/s) after {run.StartSeconds:0.00} s to form the group; CPU workers {run.WorkerCpuSeconds:0.00} s{(run.ServerCpuSeconds is { } s ? $" + server {s:0.00} s" : "")}; processed {run.Processed}, merged {run.Merged}, dead-lettered {run.DeadLettered}"));
            }
        }
        Console.WriteLine($"load average at end: {BenchMachine.LoadAverage()}");
        var ratio = BenchMachine.Median(one.Zip(two, (a, b) => a.Seconds / b.Seconds));
        Console.WriteLine(string.Create(inv, $"median 1 worker:  {alerts.Count / BenchMachine.Median(one.Select(r => r.Seconds)):0} alerts/s, {BenchMachine.Median(one.Select(r => r.WorkerCpuSeconds)) * 1000 / alerts.Count:0.00} worker CPU ms/alert"));
        Console.WriteLine(string.Create(inv, $"median 2 workers: {alerts.Count / BenchMachine.Median(two.Select(r => r.Seconds)):0} alerts/s, {BenchMachine.Median(two.Select(r => r.WorkerCpuSeconds)) * 1000 / alerts.Count:0.00} worker CPU ms/alert"));
        Console.WriteLine(string.Create(inv, $"median two workers / one (same round): {ratio:0.00}x throughput"));
        Console.WriteLine($"workers' output: {work.FullName}");
        return 0;
    }

    private sealed record Run(double Seconds, double StartSeconds, double WorkerCpuSeconds, double? ServerCpuSeconds, long Processed, long Merged, long DeadLettered);

    private static async Task<Run> RunOnceAsync(string home, DirectoryInfo work, KafkaMockCluster kafka, List<string> alerts, int partitions, int workers,
        NpgsqlConnectionStringBuilder server)
    {
        var topic = "bench-" + Guid.NewGuid().ToString("N");
        kafka.CreateTopic(topic, partitions);
        var database = await BenchMachine.CreateDatabaseAsync(server);
        var environment = new Dictionary<string, string>
        {
            ["AGENTICIR_STORE"] = database,
            ["AGENTICIR_KAFKA_BOOTSTRAP"] = kafka.Bootstrap,
            ["AGENTICIR_KAFKA_TOPICS"] = topic,
            ["AGENTICIR_KAFKA_GROUP"] = "g-" + topic,
            // The mock coordinator waits a session timeout less one second for members to rejoin; a short one keeps the
            // group forming quickly (a real broker completes a rebalance once every member rejoined).
            ["Kafka__SessionTimeout"] = "00:00:06",
            ["Kafka__HeartbeatInterval"] = "00:00:01",
        };
        // The schema is created before the clock starts (status migrates an empty store), as a deployed store already has it.
        using (var status = Start(home, work, environment, "status", "--json")) await status.Process.WaitForExitAsync();
        await using var store = NpgsqlDataSource.Create(PostgresConnectionString.TryParse(database, out _)!);
        var processes = Enumerable.Range(0, workers)
            .Select(i => Start(home, work, environment, "run", "--inbox", Path.Combine(work.FullName, $"inbox-{topic}-{i}")))
            .ToList();
        try
        {
            // Steady state is measured: the group has formed and every worker holds partitions before anything is produced.
            var joining = Stopwatch.StartNew();
            while (!processes.All(p => p.HoldsPartitions))
            {
                if (processes.FirstOrDefault(p => p.Process.HasExited) is { } failed)
                    throw new InvalidOperationException($"a worker exited with {failed.Process.ExitCode} while joining the group");
                if (joining.Elapsed > Deadline) throw new TimeoutException("the consumer group did not form");
                await Task.Delay(PollInterval);
            }
            var startSeconds = joining.Elapsed.TotalSeconds;
            var postmaster = await BenchMachine.PostmasterAsync(database);
            var serverBefore = BenchMachine.ServerCpuSeconds(postmaster);
            var cpuBefore = WorkerCpuSeconds(processes);
            var clock = Stopwatch.StartNew();
            await ProduceAsync(kafka.Bootstrap, topic, alerts, partitions);
            while (true)
            {
                var progress = await ReadProgressAsync(store);
                if (progress.Taken == alerts.Count && progress.Unfinished == 0)
                {
                    var elapsed = clock.Elapsed;
                    return new Run(elapsed.TotalSeconds, startSeconds, WorkerCpuSeconds(processes) - cpuBefore, BenchMachine.ServerCpuSeconds(postmaster) - serverBefore,
                        progress.Processed, progress.Merged, progress.DeadLettered);
                }
                if (processes.FirstOrDefault(p => p.Process.HasExited) is { } exited)
                    throw new InvalidOperationException($"a worker exited with {exited.Process.ExitCode} before the stream was done");
                if (clock.Elapsed > Deadline) throw new TimeoutException($"{progress.Taken} of {alerts.Count} inputs taken after {Deadline}");
                await Task.Delay(PollInterval);
            }
        }
        finally
        {
            foreach (var worker in processes)
            {
                if (!worker.Process.HasExited) worker.Process.Kill();
                await worker.Process.WaitForExitAsync();
                worker.Dispose();
            }
        }
    }

    private static double WorkerCpuSeconds(List<WorkerProcess> processes) =>
        processes.Sum(p => { p.Process.Refresh(); return p.Process.TotalProcessorTime.TotalSeconds; });

    private static async Task ProduceAsync(string bootstrap, string topic, List<string> alerts, int partitions)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, LingerMs = 5 }).Build();
        var sent = alerts.Select((alert, i) => producer.ProduceAsync(new TopicPartition(topic, i % partitions), new Message<Null, string> { Value = alert }));
        await Task.WhenAll(sent);
    }

    private sealed record Progress(long Processed, long Merged, long DeadLettered, long Unfinished)
    {
        public long Taken => Processed + Merged + DeadLettered;
    }

    private static async Task<Progress> ReadProgressAsync(NpgsqlDataSource store)
    {
        await using var connection = await store.OpenConnectionAsync();
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var intake = new NpgsqlCommand("SELECT status, COUNT(*) FROM intake GROUP BY status;", connection))
        await using (var reader = await intake.ExecuteReaderAsync())
            while (await reader.ReadAsync()) byStatus[reader.GetString(0)] = reader.GetInt64(1);
        await using var unfinished = new NpgsqlCommand("SELECT COUNT(*) FROM investigations WHERE stage NOT IN (@documented, @closed, @awaiting);", connection);
        unfinished.Parameters.AddWithValue("documented", StoreText.Stage(InvestigationStage.Documented));
        unfinished.Parameters.AddWithValue("closed", StoreText.Stage(InvestigationStage.Closed));
        unfinished.Parameters.AddWithValue("awaiting", StoreText.Stage(InvestigationStage.AwaitingApproval));
        var open = (long)(await unfinished.ExecuteScalarAsync())!;
        return new Progress(byStatus.GetValueOrDefault(StoreText.Name(IntakeStatus.Processed)), byStatus.GetValueOrDefault(StoreText.Name(IntakeStatus.Merged)),
            byStatus.GetValueOrDefault(StoreText.Name(IntakeStatus.DeadLettered)), open);
    }

    /// <summary>Starts the CLI built beside this benchmark in its own working folder (its reports go there).</summary>
    private static WorkerProcess Start(string home, DirectoryInfo work, Dictionary<string, string> environment, params string[] args)
    {
        var folder = work.CreateSubdirectory("worker-" + Guid.NewGuid().ToString("N")[..8]);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agentic-ir.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--home");
        info.ArgumentList.Add(home);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start agentic-ir"), Path.Combine(folder.FullName, "output.log"));
    }

    /// <summary>A started CLI process whose output is drained into a file (a worker blocked on a full pipe would stall the
    /// measurement, and the file tells what a slow run was doing).</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private readonly StreamWriter _file;
        private readonly TextWriter _log;

        public WorkerProcess(Process process, string logPath)
        {
            Process = process;
            _file = new StreamWriter(logPath) { AutoFlush = true };
            _log = TextWriter.Synchronized(_file);
            process.OutputDataReceived += (_, e) => Record(e.Data);
            process.ErrorDataReceived += (_, e) => Record(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        /// <summary>True once the worker logged an assignment of at least one partition.</summary>
        public bool HoldsPartitions => Volatile.Read(ref _holdsPartitions);

        private bool _holdsPartitions;

        private void Record(string? line)
        {
            if (line is null) return;
            _log.WriteLine(line);
            if (line.Contains("Kafka partitions assigned: ", StringComparison.Ordinal) && !line.Contains("(none)", StringComparison.Ordinal))
                Volatile.Write(ref _holdsPartitions, true);
        }

        public void Dispose()
        {
            Process.Dispose();
            _log.Dispose();
            _file.Dispose();
        }
    }
}
