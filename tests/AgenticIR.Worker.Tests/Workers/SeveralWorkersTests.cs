using System.Diagnostics;
using System.Text.Json;
using AgenticIR.Testing;
using AgenticIR.Testing.Kafka;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary>Several <c>agentic-ir run</c> processes on one Kafka group and one PostgreSQL database, and <c>status</c> as an
/// operator (or a container health check) reads it.</summary>
public sealed class SeveralWorkersTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>, IAsyncDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-workers-");
    private readonly TempPostgresDatabase _database = new(empty: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_TwoWorkersOneKilledMidStream_StatusCountsEveryAlertOnceAndNothingUnfinished()
    {
        var topic = kafka.CreateTopic("two-workers", 4);
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "alerts"), "*.json").Order(StringComparer.Ordinal).Take(14).ToList();
        var group = "g-" + topic;
        var environment = new Dictionary<string, string>
        {
            ["AGENTICIR_STORE"] = await UriAsync(),
            ["AGENTICIR_KAFKA_BOOTSTRAP"] = kafka.Bootstrap,
            ["AGENTICIR_KAFKA_TOPICS"] = topic,
            ["AGENTICIR_KAFKA_GROUP"] = group,
            ["Kafka__SessionTimeout"] = "00:00:03",
            ["Kafka__HeartbeatInterval"] = "00:00:00.500",
            ["AgenticIR__HeartbeatInterval"] = "00:00:00.500",
            ["AgenticIR__WorkerTimeout"] = "00:00:03",
        };
        // One alert per partition first, so the first worker holds every partition before the second joins.
        var produced = 0;
        for (var p = 0; p < 4; p++, produced++) await kafka.ProduceAsync(topic, p, await File.ReadAllTextAsync(files[p], Ct), Ct);
        using var doomed = CliProcess.Start(_work.FullName, environment, CliProcess.WithHome("run", "--inbox", Path.Combine(_work.FullName, "inbox-a")));
        var doomedOutput = Collect(doomed);
        await WaitAsync(() => Task.FromResult(kafka.CommittedOffsets(group, topic, 4).Values.All(o => o == 1)), "the first worker to take the first alerts", doomedOutput);
        using var survivor = CliProcess.Start(_work.FullName, environment, CliProcess.WithHome("run", "--inbox", Path.Combine(_work.FullName, "inbox-b")));
        var output = Collect(survivor);
        try
        {
            await WaitAsync(async () => (await StatusAsync(environment)).Status.GetProperty("workers").EnumerateArray().Count(w => w.GetProperty("alive").GetBoolean()) == 2,
                "both workers registered", output);
            // Then each further alert twice, on different partitions (the copy may reach the other worker and must merge), and a poison message.
            foreach (var (file, i) in files.Skip(4).Select((f, i) => (f, i)))
            {
                var value = await File.ReadAllTextAsync(file, Ct);
                await kafka.ProduceAsync(topic, i % 4, value, Ct);
                await kafka.ProduceAsync(topic, (i + 1) % 4, value, Ct);
                produced += 2;
            }
            await kafka.ProduceAsync(topic, 3, "not an alert", Ct);
            produced++;
            // SIGKILL mid-stream: as soon as the stream's first inputs are taken.
            await WaitAsync(async () => await IntakeCountAsync() > 5, "the stream to start", output);
            doomed.Kill();
            await doomed.WaitForExitAsync(Ct);

            JsonElement status = default;
            await WaitAsync(async () =>
            {
                (_, status) = await StatusAsync(environment);
                var inputs = status.GetProperty("inputs");
                return inputs.GetProperty("processed").GetInt64() + inputs.GetProperty("merged").GetInt64() + inputs.GetProperty("dead_lettered").GetInt64() == produced
                    && status.GetProperty("investigations").GetProperty("unfinished").GetInt64() == 0;
            }, "every alert taken and every investigation finished", output);
            await TerminateAsync(survivor);
            var (exit, final) = await StatusAsync(environment);

            Assert.Equal(0, survivor.ExitCode);
            Assert.Equal(0, exit);
            var counts = final.GetProperty("inputs");
            Assert.Equal(1, counts.GetProperty("dead_lettered").GetInt64());
            Assert.Equal(produced, counts.GetProperty("processed").GetInt64() + counts.GetProperty("merged").GetInt64() + 1);
            // Each alert's copy merged into the investigation its first copy opened, whichever worker took each.
            Assert.Equal(counts.GetProperty("processed").GetInt64(), final.GetProperty("investigations").GetProperty("total").GetInt64());
            Assert.True(counts.GetProperty("merged").GetInt64() >= files.Count - 4, final.ToString());
            Assert.Equal(0, final.GetProperty("investigations").GetProperty("unfinished").GetInt64());
            var workers = final.GetProperty("workers").EnumerateArray().ToList();
            Assert.Equal(2, workers.Count);
            Assert.All(workers, w => Assert.False(w.GetProperty("alive").GetBoolean()));
        }
        finally
        {
            if (!survivor.HasExited) survivor.Kill(entireProcessTree: true);
            if (!doomed.HasExited) doomed.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task StatusAndRun_StartingTogetherOnAnEmptyDatabase_AllComeUpAndStatusPrintsOneObject()
    {
        var environment = new Dictionary<string, string> { ["AGENTICIR_STORE"] = await UriAsync() };
        using var first = CliProcess.Start(_work.FullName, environment, CliProcess.WithHome("run", "--inbox", Path.Combine(_work.FullName, "inbox-a")));
        using var second = CliProcess.Start(_work.FullName, environment, CliProcess.WithHome("run", "--inbox", Path.Combine(_work.FullName, "inbox-b")));
        var output = Collect(first);
        Collect(second);
        try
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StatusAsync(environment)));

            Assert.All(statuses, s => Assert.Equal(0, s.Exit));
            Assert.All(statuses, s => Assert.Equal(0, s.Status.GetProperty("investigations").GetProperty("total").GetInt64()));
            await WaitAsync(async () => (await StatusAsync(environment)).Status.GetProperty("workers").EnumerateArray().Count(w => w.GetProperty("alive").GetBoolean()) == 2,
                "both workers registered", output);
            await TerminateAsync(first);
            await TerminateAsync(second);
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, second.ExitCode);
        }
        finally
        {
            if (!first.HasExited) first.Kill(entireProcessTree: true);
            if (!second.HasExited) second.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Status_EmptyEmbeddedStoreNoKafka_ExitsZeroWithOneJsonObject()
    {
        var (exit, output) = await CliProcess.RunAsync(_work.FullName, Ct, CliProcess.WithHome("status", "--json", "--db", Path.Combine(_work.FullName, "none.db")));

        Assert.True(exit == 0, output);
        using var document = JsonDocument.Parse(output);
        Assert.True(document.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("inputs").GetProperty("processed").GetInt64());
        Assert.False(File.Exists(Path.Combine(_work.FullName, "none.db")), "status created the database it reads");
    }

    [Fact]
    public async Task Status_KafkaConfiguredButUnreachable_ExitsOneNamingIt()
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENTICIR_KAFKA_BOOTSTRAP"] = "127.0.0.1:1",
            ["AGENTICIR_KAFKA_TOPICS"] = "alerts",
        };

        var (exit, output) = await CliProcess.RunAsync(_work.FullName, environment, Ct, CliProcess.WithHome("status", "--json", "--db", Path.Combine(_work.FullName, "none.db")));

        Assert.Equal(1, exit);
        using var document = JsonDocument.Parse(output);
        Assert.False(document.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Contains(document.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("Kafka unreachable", StringComparison.Ordinal));
    }

    private async Task<(int Exit, JsonElement Status)> StatusAsync(Dictionary<string, string> environment)
    {
        var (exit, output) = await CliProcess.RunAsync(_work.FullName, environment, Ct, CliProcess.WithHome("status", "--json"));
        using var document = JsonDocument.Parse(output);
        return (exit, document.RootElement.Clone());
    }

    private async Task<long> IntakeCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(await _database.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var count = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM intake;", connection);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    private async Task<string> UriAsync()
    {
        await _database.ConnectionStringAsync();
        var admin = await PostgresTestServer.AdminAsync();
        return $"postgresql://{Uri.EscapeDataString(admin.Username!)}:{Uri.EscapeDataString(admin.Password!)}@{admin.Host}:{admin.Port}/{_database.Name}";
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

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, System.Text.StringBuilder output)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                lock (output) Assert.Fail($"gave up waiting for {what}; output:\n{output}");
            }
        }
    }

    private static async Task TerminateAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        _work.Delete(recursive: true);
    }
}
