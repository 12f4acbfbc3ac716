using System.CommandLine;
using AgenticIR.SoarSimulator;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Simulator;

/// <summary><c>agentic-ir simulator splunk-soar</c>: runs the stateful Splunk SOAR simulator, seeded with the demo
/// containers, so the worker (or curl) can be pointed at it without a SOAR licence; <c>simulator xsoar</c> does the same
/// for Cortex XSOAR (6, or 8 / XSIAM with <c>--auth-id</c>); <c>simulator kafka</c> runs a local Kafka broker
/// (<see cref="KafkaSimulatorCommand"/>).</summary>
internal static class SimulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (127.0.0.1)", DefaultValueFactory = _ => 8089 };
        var token = new Option<string>("--token") { Description = "The ph-auth-token the simulator accepts", DefaultValueFactory = _ => "simulator-token" };
        var seed = new Option<string?>("--seed") { Description = "Folder of container JSON files to load (default: {home}/samples/soar/containers)" };
        var inventory = new Option<bool>("--playbook-inventory") { Description = "Also seed a playbook inventory with 90 days of run history (for playbooks audit, onboard, break-glass)" };
        var splunk = new Command("splunk-soar", "Run a Splunk SOAR simulator on 127.0.0.1 until stopped") { port, token, seed, inventory };
        splunk.SetAction(async (parse, ct) =>
        {
            var paths = CommandSettings.From(parse).Paths;
            var folder = parse.GetValue(seed) ?? Path.Combine(paths.Home, "samples", "soar", "containers");
            await using var simulator = await SplunkSoarSimulator.StartAsync(
                new SimulatorOptions { Port = parse.GetValue(port), Token = parse.GetRequiredValue(token), IncludeDefaultCatalog = true }, ct);
            var seeded = Directory.Exists(folder) ? simulator.SeedFromFolder(folder).Count : 0;
            if (parse.GetValue(inventory)) SoarSimulator.Inventory.PlaybookInventorySeed.Seed(simulator, TimeProvider.System.GetUtcNow());
            AnsiConsole.MarkupLineInterpolated($"Splunk SOAR simulator on [bold]{simulator.BaseUrl}[/] with {seeded} containers. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }
            return 0;
        });
        return new Command("simulator", "Run a SOAR simulator or a local Kafka broker for demos and trials") { splunk, Xsoar(), KafkaSimulatorCommand.Create() };
    }

    private static Command Xsoar()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (127.0.0.1)", DefaultValueFactory = _ => 8090 };
        var key = new Option<string>("--api-key") { Description = "The API key the simulator accepts", DefaultValueFactory = _ => "simulator-xsoar-key" };
        var authId = new Option<string?>("--auth-id") { Description = "Simulate XSOAR 8 / XSIAM: the key id expected in x-xdr-auth-id (paths under /xsoar)" };
        var advanced = new Option<bool>("--advanced-key") { Description = "With --auth-id: require advanced-key signatures (nonce, timestamp, SHA-256)" };
        var inventory = new Option<bool>("--playbook-inventory") { Description = "Also seed a playbook library with 90 days of run history (for playbooks audit)" };
        var command = new Command("xsoar", "Run a Cortex XSOAR simulator on 127.0.0.1 until stopped") { port, key, authId, advanced, inventory };
        command.SetAction(async (parse, ct) =>
        {
            await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions
            {
                Port = parse.GetValue(port),
                ApiKey = parse.GetRequiredValue(key),
                AuthId = parse.GetValue(authId),
                AdvancedKey = parse.GetValue(advanced),
            }, ct);
            var incidents = XsoarDemoSeed.Apply(simulator);
            if (parse.GetValue(inventory)) XsoarPlaybookInventorySeed.Seed(simulator, TimeProvider.System.GetUtcNow());
            var flavour = simulator.AuthId is null ? "6" : "8 / XSIAM";
            AnsiConsole.MarkupLineInterpolated($"Cortex XSOAR {flavour} simulator on [bold]{simulator.BaseUrl}[/] with {incidents.Count} incidents. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }
            return 0;
        });
        return command;
    }
}
