using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;
using AgenticIR.Worker.Tests.Support;
using Confluent.Kafka;

namespace AgenticIR.Worker.Tests.Kafka;

/// <summary>The operator's view: <c>agentic-ir run</c> in its own process joins the group through the environment
/// variables and stops promptly on SIGTERM, and <c>simulator kafka</c> in its own process serves other processes on the
/// port it was given.</summary>
public sealed class KafkaProcessTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private static readonly string AlertFile = Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json");

    [Fact]
    public async Task Run_KafkaVariablesSet_JoinsTheGroupTakesEachAlertAndStopsOnSigterm()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("run", 2);
        var group = "g-" + topic;
        var work = Directory.CreateTempSubdirectory("agentic-ir-kafka-run-");
        var database = Path.Combine(work.FullName, "state.db");
        var alert = await File.ReadAllTextAsync(AlertFile, ct);
        await kafka.ProduceAsync(topic, 0, alert, ct);
        await kafka.ProduceAsync(topic, 1, "not an alert", ct);
        var environment = new Dictionary<string, string>
        {
            ["AGENTICIR_KAFKA_BOOTSTRAP"] = kafka.Bootstrap,
            ["AGENTICIR_KAFKA_TOPICS"] = topic,
            ["AGENTICIR_KAFKA_GROUP"] = group,
        };
        try
        {
            using var worker = CliProcess.Start(work.FullName, environment, CliProcess.WithHome("run", "--db", database));
            var output = Collect(worker);
            var store = new SqliteStateStore(new SqliteStoreOptions { Path = database }, TimeProvider.System);
            await WaitAsync(async () => await HasIntakeAsync(store, database, $"kafka:{topic}:0:0", ct) && await HasIntakeAsync(store, database, $"kafka:{topic}:1:0", ct),
                "both inputs in the ledger", output, ct);
            await WaitAsync(() => Task.FromResult(kafka.CommittedOffsets(group, topic, 2).Values.All(o => o == 1)), "offsets committed", output, ct);

            var took = await TerminateAsync(worker, ct);

            Assert.True(took < TimeSpan.FromSeconds(15), $"run took {took} to stop");
            Assert.Equal(0, worker.ExitCode);
            Assert.Contains("Kafka consumer stopped", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(Core.State.IntakeStatus.DeadLettered, (await store.GetIntakeAsync($"kafka:{topic}:1:0", ct))!.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_KilledMidStreamThenStartedAgain_EveryOffsetTakenAndEveryInvestigationFinished()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("crash", 2);
        var work = Directory.CreateTempSubdirectory("agentic-ir-kafka-crash-");
        var database = Path.Combine(work.FullName, "state.db");
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "alerts"), "*.json").Order(StringComparer.Ordinal).Take(12).ToList();
        var keys = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var at = await kafka.ProduceAsync(topic, i % 2, await File.ReadAllTextAsync(files[i], ct), ct);
            keys.Add($"kafka:{topic}:{at.Partition.Value}:{at.Offset.Value}");
        }
        var environment = new Dictionary<string, string>
        {
            ["AGENTICIR_KAFKA_BOOTSTRAP"] = kafka.Bootstrap,
            ["AGENTICIR_KAFKA_TOPICS"] = topic,
            ["AGENTICIR_KAFKA_GROUP"] = "g-" + topic,
            // The killed member holds its partitions until its session times out: keep that short.
            ["Kafka__SessionTimeout"] = "00:00:03",
            ["Kafka__HeartbeatInterval"] = "00:00:00.500",
            // The first worker dies by SIGKILL right after its 20th store transaction: mid-stream, at an exact point.
            ["AGENTICIR_TEST_KILL_AFTER_COMMITS"] = "20",
        };
        try
        {
            using (var doomed = CliProcess.Start(work.FullName, environment, CliProcess.WithHome("run", "--db", database)))
            {
                var doomedOutput = Collect(doomed);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                deadline.CancelAfter(TimeSpan.FromSeconds(60));
                await doomed.WaitForExitAsync(deadline.Token);
                Assert.True(doomed.ExitCode != 0, doomedOutput.ToString());
            }
            var store = new SqliteStateStore(new SqliteStoreOptions { Path = database }, TimeProvider.System);
            var before = 0;
            foreach (var key in keys) before += await HasIntakeAsync(store, database, key, ct) ? 1 : 0;
            Assert.InRange(before, 1, keys.Count - 1);

            environment.Remove("AGENTICIR_TEST_KILL_AFTER_COMMITS");
            using var worker = CliProcess.Start(work.FullName, environment, CliProcess.WithHome("run", "--db", database));
            var output = Collect(worker);
            await WaitAsync(async () =>
            {
                foreach (var key in keys)
                {
                    if (!await HasIntakeAsync(store, database, key, ct)) return false;
                }
                return (await store.ListUnfinishedAsync(ct)).Count == 0;
            }, "every offset in the ledger and every investigation finished", output, ct);
            await TerminateAsync(worker, ct);

            Assert.Equal(0, worker.ExitCode);
            Assert.Empty(await store.ListUnfinishedAsync(ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Simulator_OwnProcess_AGroupConsumerHereReadsWhatItProducedAndWhatWeProduce()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var simulator = CliProcess.Start(RepoPaths.Root, CliProcess.WithHome("simulator", "kafka", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--topics", "sim-alerts", "--partitions", "2", "--produce", AlertFile));
        var output = Collect(simulator);
        try
        {
            await WaitAsync(() => Task.FromResult(output.ToString().Contains("Kafka simulator on", StringComparison.Ordinal)), "the simulator to start", output, ct);
            var bootstrap = $"127.0.0.1:{port}";
            using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
                await producer.ProduceAsync("sim-alerts", new Message<Null, string> { Value = "second" }, ct);

            var values = new List<string>();
            using (var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig
            {
                BootstrapServers = bootstrap,
                GroupId = "outside",
                AutoOffsetReset = AutoOffsetReset.Earliest,
                PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            }).Build())
            {
                consumer.Subscribe("sim-alerts");
                await WaitAsync(() =>
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null } result) values.Add(result.Message.Value);
                    return Task.FromResult(values.Count == 2);
                }, "two messages", output, ct);
                Assert.Equal(2, consumer.Assignment.Count);
                consumer.Close();
            }

            Assert.Equal([await File.ReadAllTextAsync(AlertFile, ct), "second"], values.OrderBy(v => v.Length > 10 ? 0 : 1));
            await TerminateAsync(simulator, ct);
            Assert.Equal(0, simulator.ExitCode);
        }
        finally
        {
            if (!simulator.HasExited) simulator.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task DemoKafka_TwoConsumers_BothGetPartitionsAndEverySampleIsTakenOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "alerts")).Length;

        var (exit, output) = await CliProcess.RunAsync(RepoPaths.Root, ct, CliProcess.WithHome("demo", "kafka", "--workers", "2", "--partitions", "4"));

        Assert.True(exit == 0, output);
        // Rows of the summary table: consumer, partitions, processed, merged, dead-lettered, read twice.
        var rows = output.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Where(c => c.Length == 8 && c[1] is "1" or "2").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.NotEmpty(r[2]));
        Assert.Equal(samples, rows.Sum(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)
            + int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)));
        // "Read twice" is not asserted: a consumer joining mid-stream makes the group rebalance, and what the first one read
        // but had not committed is read again by the second; the ledger drops it, which the sum above shows.
    }

    // The worker creates and migrates the database as it starts: until then there is nothing to read.
    private static async Task<bool> HasIntakeAsync(SqliteStateStore store, string database, string key, CancellationToken ct)
    {
        if (!File.Exists(database)) return false;
        try
        {
            return await store.GetIntakeAsync(key, ct) is not null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    private static System.Text.StringBuilder Collect(Process process)
    {
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, System.Text.StringBuilder output, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lock (output) Assert.Fail($"gave up waiting for {what}; output:\n{output}");
            }
        }
    }

    // SIGTERM, as a container runtime stops the worker; returns how long the process took to exit.
    private static async Task<TimeSpan> TerminateAsync(Process process, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        return TimeProvider.System.GetElapsedTime(started);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
