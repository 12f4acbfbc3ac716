using System.CommandLine;
using System.Globalization;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.SoarSimulator;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Demo;

/// <summary><c>agentic-ir demo splunk-soar</c>: the bridge end to end on one machine. Starts the Splunk SOAR simulator
/// with the demo containers, points a worker at it beside one playbook entry in the chosen mode, runs bridge cycles until
/// every container is handled, and shows what the agents wrote back and dispatched.</summary>
internal static class DemoCommand
{
    private const string Token = "demo-automation-token";

    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "Mode for the demo playbooks: shadow, assisted or autonomous", DefaultValueFactory = _ => "shadow" };
        mode.AcceptOnlyFromAmong("shadow", "assisted", "autonomous");
        var keep = new Option<bool>("--keep") { Description = "Keep the simulator running afterwards so its REST API can be browsed (Ctrl+C stops)" };
        var approver = new Option<string?>("--asset-approver")
        {
            Description = "Delegate approvals to Splunk SOAR's asset approvers (approvals: asset_approvers): every asset gets this user as its approver, who then approves what was handed over",
        };
        var splunk = new Command("splunk-soar", "Run the agents beside a simulated Splunk SOAR and show the notes, artifacts and actions they produce") { mode, keep, approver };
        splunk.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(mode), parse.GetValue(keep), parse.GetValue(approver), ct));
        return new Command("demo", "End-to-end demonstrations on this machine") { splunk, XsoarDemoCommand.Create(), KafkaDemoCommand.Create() };
    }

    private static async Task<int> RunAsync(ParseResult parse, string mode, bool keep, string? approver, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var home = settings.Paths;
        var work = Directory.CreateTempSubdirectory("agentic-ir-demo-");
        await using var simulator = await SplunkSoarSimulator.StartAsync(new SimulatorOptions { Token = Token, IncludeDefaultCatalog = true }, cancellationToken);
        var containers = simulator.SeedFromFolder(Path.Combine(home.Home, "samples", "soar", "containers"));
        if (approver is not null)
        {
            simulator.AddUser(approver, "Analyst");
            foreach (var asset in SimulatorCatalog.DefaultAssets().Values.SelectMany(a => a)) simulator.SetAssetApprovers(asset, [approver]);
        }
        var paths = WriteConfiguration(home, work.FullName, simulator.BaseUrl, mode, approver is not null);

        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        var host = await CommandHost.TryStartPipelineAsync(settings, AnsiConsole.Console, loggerFactory, null, paths, null, cancellationToken);
        if (host is null) return 1;
        await using (host)
        {
            AnsiConsole.MarkupLineInterpolated($"Simulated Splunk SOAR at [bold]{simulator.BaseUrl}[/] with {containers.Count} containers; playbooks in [bold]{mode}[/] mode.");
            var bridge = host.Resolve<SplunkSoarBridges>().All.Single();
            await CyclesAsync(bridge, cancellationToken);
            if (approver is not null) await ApproveInSoarAsync(simulator, bridge, approver, cancellationToken);
            await host.Resolve<StageRunner>().FlushAsync(cancellationToken);
            WriteSummary(simulator, containers);
            AnsiConsole.MarkupLineInterpolated($"State: {paths.Database}. Try: agentic-ir --db {paths.Database} show <investigation id>, approvals list, audit verify.");
        }
        if (keep)
        {
            AnsiConsole.MarkupLineInterpolated($"Simulator still serving at {simulator.BaseUrl} (header ph-auth-token: {Token}); Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }
        }
        return 0;
    }

    private static async Task CyclesAsync(SplunkSoarBridge bridge, CancellationToken cancellationToken)
    {
        for (var cycle = 1; cycle <= 20; cycle++)
        {
            var result = await bridge.RunCycleAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"cycle {cycle}: {result.ContainersTaken} containers taken, {result.ArtifactUpdates} artifact updates, {result.Written.Created} notes and artifacts created, {result.Written.Updated} updated");
            if (result.Status != BridgeCycleStatus.Completed || (result.ContainersTaken == 0 && !result.MoreWaiting)) break;
        }
    }

    // What an asset approver does in Splunk SOAR's approval queue, then the cycles that read the answers back.
    private static async Task ApproveInSoarAsync(SplunkSoarSimulator simulator, SplunkSoarBridge bridge, string approver, CancellationToken cancellationToken)
    {
        var waiting = simulator.Approvals.Where(a => (string?)a["status"] == "pending").Select(a => (long)a["action_run"]!).ToList();
        AnsiConsole.MarkupLineInterpolated($"{waiting.Count} actions wait for the asset approvers in Splunk SOAR; [bold]{approver}[/] approves them there.");
        foreach (var run in waiting) simulator.AnswerApproval(run, approver, approve: true);
        // A run moves on between the worker's reads, so its outcome arrives over a few cycles.
        for (var cycle = 1; cycle <= 20; cycle++)
        {
            var result = await bridge.RunCycleAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"after approval, cycle {cycle}: {result.Written.Updated} notes and artifacts updated");
            var finished = simulator.ActionRunStates.Where(r => waiting.Contains((long)r["id"]!)).All(r => (string?)r["status"] is "success" or "failed");
            if (result.Status != BridgeCycleStatus.Completed || (finished && result.Written.Created + result.Written.Updated == 0)) break;
        }
    }

    private static ResolvedPaths WriteConfiguration(ResolvedPaths home, string folder, Uri baseUrl, string mode, bool assetApprovers)
    {
        var config = Directory.CreateDirectory(Path.Combine(folder, "config")).FullName;
        var policy = Path.Combine(config, "governance.yaml");
        File.Copy(home.Policy, policy);
        File.WriteAllText(Path.Combine(config, "demo.token"), Token);
        File.WriteAllText(Path.Combine(config, "soar.yaml"), string.Create(CultureInfo.InvariantCulture, $"""
            splunk_soar:
              - name: demo
                base_url: {baseUrl.ToString().TrimEnd('/')}
                allow_http: true
                token_file: {Path.Combine(config, "demo.token")}
                poll_interval_seconds: 1
                disposition_field: disposition
                approvals: {(assetApprovers ? "asset_approvers" : "comments")}
            """));
        File.WriteAllText(Path.Combine(config, "playbooks.yaml"), $"""
            playbooks:
              - name: demo_playbooks
                match: {"{"} labels: [events, phishing, email, endpoint, aws] {"}"}
                mode: {mode}
            """);
        return new ResolvedPaths(home.Home, policy, home.Mappings, home.Connectors, home.Context,
            Path.Combine(folder, "agentic-ir.db"), Path.Combine(folder, "reports"));
    }

    private static void WriteSummary(SplunkSoarSimulator simulator, IReadOnlyList<long> containers)
    {
        var table = new Table().AddColumns("container", "label", "investigation", "notes", "findings", "actions dispatched");
        foreach (var id in containers)
        {
            var container = simulator.GetContainer(id);
            var notes = simulator.Notes.Where(n => (long?)n["container"] == id || (long?)n["container_id"] == id).Select(n => (string?)n["title"]).ToList();
            var findings = simulator.Artifacts.Count(a => ((long?)a["container"] == id || (long?)a["container_id"] == id) && (string?)a["label"] == "agentic_ir_finding");
            var actions = simulator.ActionRuns.Where(r => (long?)r.Body["container_id"] == id && (string?)r.Body["type"] != "investigative")
                .Select(r => (string?)r.Body["action"]).ToList();
            var investigation = notes.Select(t => t?.Split(" · ").LastOrDefault()).FirstOrDefault(t => t?.StartsWith("inv-", StringComparison.Ordinal) == true);
            table.AddRow(
                Markup.Escape($"{id} {(string?)container?["name"]}"),
                Markup.Escape((string?)container?["label"] ?? ""),
                Markup.Escape(investigation ?? "-"),
                notes.Count.ToString(CultureInfo.InvariantCulture),
                findings.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(actions.Count == 0 ? "none" : string.Join(", ", actions)));
        }
        AnsiConsole.Write(table);
    }
}
