using System.CommandLine;
using System.Globalization;
using AgenticIR.Kafka.MockCluster;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Simulator;

/// <summary><c>agentic-ir simulator kafka</c>: a local Kafka broker (librdkafka's mock cluster) on 127.0.0.1, reachable by
/// any client of this machine, with the topics created and, optionally, alert files produced into them.</summary>
internal static class KafkaSimulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Bootstrap port on 127.0.0.1", DefaultValueFactory = _ => 9092 };
        var topics = new Option<string>("--topics") { Description = "Topics to create, comma-separated", DefaultValueFactory = _ => "alerts" };
        var partitions = new Option<int>("--partitions") { Description = "Partitions per topic", DefaultValueFactory = _ => 4 };
        var produce = new Option<string[]>("--produce")
        {
            Description = "Alert files or folders to produce into the first topic: a .json or .eml file is one message, a .jsonl line is one",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("kafka", "Run a local Kafka broker on 127.0.0.1 until stopped (for demos and trials: in memory, no TLS or SASL)") { port, topics, partitions, produce };
        command.SetAction(async (parse, ct) =>
        {
            var names = parse.GetRequiredValue(topics).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var count = parse.GetValue(partitions);
            if (names.Length == 0 || count < 1)
            {
                AnsiConsole.MarkupLine("[red]--topics needs at least one name and --partitions at least 1[/]");
                return 2;
            }
            using var cluster = KafkaMockCluster.Start(port: parse.GetValue(port));
            foreach (var topic in names) cluster.CreateTopic(topic, count);
            var produced = await AlertFileProducer.ProduceAsync(cluster.Bootstrap, names[0], parse.GetValue(produce) ?? [], ct);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Kafka simulator on [bold]{cluster.Bootstrap}[/] (brokers {cluster.BrokerBootstrap}); topics {string.Join(", ", names)} with {count} partitions; {produced} messages produced.");
            AnsiConsole.MarkupLineInterpolated($"Worker: AGENTICIR_KAFKA_BOOTSTRAP={cluster.Bootstrap} AGENTICIR_KAFKA_TOPICS={names[0]} agentic-ir run. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop serving.
            }
            return 0;
        });
        return command;
    }
}
