using System.CommandLine;
using System.Globalization;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Ports;
using AgenticIR.Kafka;
using AgenticIR.Kafka.Consuming;
using AgenticIR.Kafka.MockCluster;
using AgenticIR.Kafka.Status;
using AgenticIR.Worker.Commands.Simulator;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Demo;

/// <summary><c>agentic-ir demo kafka</c>: the Kafka source end to end on one machine. Starts a local broker, produces the
/// sample alerts in two halves, and runs consumers of one group on the embedded store: the first takes the first half
/// alone, the others join, the group rebalances, the second half is shared, and every message is taken exactly once.</summary>
internal static class KafkaDemoCommand
{
    private const string Topic = "alerts";
    private const string Group = "agentic-ir-demo";

    public static Command Create()
    {
        var workers = new Option<int>("--workers") { Description = "Consumers in the group (1 to 4)", DefaultValueFactory = _ => 2 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of the alerts topic", DefaultValueFactory = _ => 4 };
        var command = new Command("kafka", "Run consumers of one group against a local Kafka broker holding the sample alerts, on the embedded store") { workers, partitions };
        command.SetAction((parse, ct) => RunAsync(parse, Math.Clamp(parse.GetValue(workers), 1, 4), Math.Max(1, parse.GetValue(partitions)), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, int workerCount, int partitions, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var home = settings.Paths;
        var work = Directory.CreateTempSubdirectory("agentic-ir-demo-kafka-");
        var paths = new ResolvedPaths(home.Home, home.Policy, home.Mappings, home.Connectors, home.Context,
            Path.Combine(work.FullName, "agentic-ir.db"), Path.Combine(work.FullName, "reports"));
        using var cluster = KafkaMockCluster.Start();
        cluster.CreateTopic(Topic, partitions);
        var files = Inputs.InputReader.ListFiles([Path.Combine(home.Home, "samples", "alerts")]);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Local Kafka at [bold]{cluster.Bootstrap}[/], topic {Topic} with {partitions} partitions; {workerCount} consumers in group {Group}; {files.Count} sample alerts in two halves.");

        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        var host = await CommandHost.TryStartPipelineAsync(settings, AnsiConsole.Console, loggerFactory, null, paths, null, cancellationToken);
        if (host is null) return 1;
        await using (host)
        {
            var intake = new KafkaIntakeSettings(settings.Worker.Mode, Inputs.InputLimits.DefaultMaxBytes);
            var consumers = new List<(KafkaConsumerWorker Worker, KafkaSourceStatus Status)>();
            try
            {
                // The first half goes to the first consumer alone; the others join the group, which hands them partitions,
                // and the second half is shared.
                var produced = await AlertFileProducer.ProduceFilesAsync(cluster.Bootstrap, Topic, [.. files.Take(files.Count / 2)], cancellationToken);
                consumers.Add(await StartConsumerAsync(host, cluster.Bootstrap, intake, loggerFactory, cancellationToken));
                await UntilAsync(() => consumers[0].Status.Taken >= produced, cancellationToken);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Consumer 1 took the first {produced} alerts alone; the other consumers join the group now.");
                for (var i = 1; i < workerCount; i++) consumers.Add(await StartConsumerAsync(host, cluster.Bootstrap, intake, loggerFactory, cancellationToken));
                await UntilAsync(() => consumers.All(c => c.Status.Lag is { Partitions.Count: > 0 }), cancellationToken);
                produced += await AlertFileProducer.ProduceFilesAsync(cluster.Bootstrap, Topic, [.. files.Skip(files.Count / 2)], cancellationToken);
                await UntilAsync(() => consumers.Sum(c => c.Status.Taken) >= produced && consumers.All(c => c.Status.Lag is { TotalLag: 0 }), cancellationToken);
            }
            finally
            {
                foreach (var (worker, _) in consumers)
                {
                    await worker.StopAsync(CancellationToken.None);
                    worker.Dispose();
                }
            }
            await host.Resolve<StageRunner>().FlushAsync(cancellationToken);
            WriteSummary(consumers.Select(c => c.Status).ToList());
            AnsiConsole.MarkupLineInterpolated($"State: {paths.Database}. Try: agentic-ir --db {paths.Database} show <investigation id>, audit verify.");
        }
        return 0;
    }

    private static async Task<(KafkaConsumerWorker Worker, KafkaSourceStatus Status)> StartConsumerAsync(CommandHost host, string bootstrap, KafkaIntakeSettings intake,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Short group timings: a joining consumer gets its partitions within a few seconds.
        var options = new KafkaSourceOptions
        {
            Bootstrap = bootstrap,
            Topics = Topic,
            Group = Group,
            SessionTimeout = TimeSpan.FromSeconds(6),
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            CommitInterval = TimeSpan.FromMilliseconds(200),
            LagReportInterval = TimeSpan.FromSeconds(5),
        };
        var status = new KafkaSourceStatus();
        var worker = new KafkaConsumerWorker(options, intake, host.Resolve<IAlertIntake>(), host.Resolve<IPayloadDecoder>(), host.Resolve<IAlertNormalizer>(), status,
            host.Resolve<AlertLaneKey>(), host.Resolve<TimeProvider>(), loggers.CreateLogger<KafkaConsumerWorker>());
        await worker.StartAsync(cancellationToken);
        return (worker, status);
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(5));
        while (!condition()) await Task.Delay(100, deadline.Token);
    }

    private static void WriteSummary(List<KafkaSourceStatus> consumers)
    {
        var table = new Table().AddColumns("consumer", "partitions at the end", "processed", "merged", "dead-lettered", "read twice (dropped by the ledger)");
        for (var i = 0; i < consumers.Count; i++)
        {
            var status = consumers[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                string.Join(", ", status.Lag?.Partitions.Select(p => p.Partition.ToString(CultureInfo.InvariantCulture)) ?? []),
                status.Processed.ToString(CultureInfo.InvariantCulture),
                status.Merged.ToString(CultureInfo.InvariantCulture),
                status.DeadLettered.ToString(CultureInfo.InvariantCulture),
                status.Redelivered.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
    }
}
