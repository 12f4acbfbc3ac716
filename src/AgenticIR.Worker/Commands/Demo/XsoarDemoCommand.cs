using System.CommandLine;
using System.Globalization;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Demo;

/// <summary><c>agentic-ir demo xsoar</c>: the Cortex XSOAR bridge end to end on one machine. Starts the XSOAR simulator
/// with its demo incidents, points a worker (temporary embedded store) at it beside one <c>platform: xsoar</c> playbook
/// entry in the chosen mode, runs bridge cycles until every incident is investigated, then shows what the agents did: in
/// assisted mode an analyst answers a pending action in the war room (a wrong role first, then an allowed one) and the
/// approved action runs once as a command in that war room; in autonomous mode the actions the policy approves run once
/// each, in shadow mode none; in both the analysts then close the incidents and the shadow comparison is reported.</summary>
internal static class XsoarDemoCommand
{
    private const string Key = "demo-xsoar-key";
    private const string Entry = "xsoar_demo";

    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "Mode for the demo playbook entry: shadow, assisted or autonomous", DefaultValueFactory = _ => "shadow" };
        mode.AcceptOnlyFromAmong("shadow", "assisted", "autonomous");
        var xsoar = new Command("xsoar", "Run the agents beside a simulated Cortex XSOAR: investigation, approvals in the war room, shadow comparison") { mode };
        xsoar.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(mode), ct));
        return xsoar;
    }

    private static async Task<int> RunAsync(ParseResult parse, string mode, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var work = Directory.CreateTempSubdirectory("agentic-ir-demo-xsoar-");
        await using var simulator = await XsoarSimulator.StartAsync(new XsoarSimulatorOptions { ApiKey = Key }, cancellationToken);
        var incidents = XsoarDemoSeed.Apply(simulator);
        // The seed's analysts hold the Analyst role; an IR lead answers what needs more.
        simulator.AddUser(XsoarDemoSteps.Lead, "Ira Lead", "IR Lead");
        var paths = WriteConfiguration(settings.Paths, work.FullName, simulator.BaseUrl, mode);

        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        var host = await CommandHost.TryStartPipelineAsync(settings, AnsiConsole.Console, loggerFactory, null, paths, null, cancellationToken);
        if (host is null) return 1;
        await using (host)
        {
            AnsiConsole.MarkupLineInterpolated($"Simulated Cortex XSOAR at [bold]{simulator.BaseUrl}[/] with {incidents.Count} incidents; entry [bold]{Entry}[/] in [bold]{mode}[/] mode.");
            var bridge = host.Resolve<XsoarBridges>().All.Single();
            for (var cycle = 1; cycle <= 10; cycle++)
            {
                var result = await bridge.RunCycleAsync(cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"cycle {cycle}: {result.Intake?.Taken ?? 0} incidents taken ({result.Status})");
                if (result.Status != XsoarCycleStatus.Completed || result.Intake?.Taken == 0) break;
            }
            await host.Resolve<StageRunner>().FlushAsync(cancellationToken);
            var steps = new XsoarDemoSteps(host, simulator, incidents);
            if (!await steps.ShowInvestigationsAsync(cancellationToken)) return 1;
            steps.ShowWriteBack();
            if (mode == "assisted")
            {
                await steps.ApproveInWarRoomAsync(cancellationToken);
            }
            else
            {
                await steps.ShowDispatchesAsync(cancellationToken);
                await steps.CloseAndCompareAsync(cancellationToken);
            }
            AnsiConsole.MarkupLineInterpolated($"State: {paths.Database}. Try: agentic-ir --db {paths.Database} show <investigation id>, shadow report, audit verify.");
        }
        return 0;
    }

    private static ResolvedPaths WriteConfiguration(ResolvedPaths home, string folder, Uri baseUrl, string mode)
    {
        var config = Directory.CreateDirectory(Path.Combine(folder, "config")).FullName;
        var policy = Path.Combine(config, "governance.yaml");
        File.Copy(home.Policy, policy);
        var keyFile = Path.Combine(config, "xsoar.key");
        File.WriteAllText(keyFile, Key);
        File.WriteAllText(Path.Combine(config, "soar.yaml"), string.Create(CultureInfo.InvariantCulture, $"""
            splunk_soar: []
            xsoar:
              - name: demo
                base_url: {baseUrl.ToString().TrimEnd('/')}
                allow_http: true
                api_key_file: {keyFile}
                poll_interval_seconds: 1
                approvals: war_room
            """));
        File.WriteAllText(Path.Combine(config, "playbooks.yaml"), $"""
            playbooks:
              - name: {Entry}
                platform: xsoar
                instance: demo
                match: {"{"} incident_types: [Phishing, Malware] {"}"}
                mode: {mode}
            """);
        return new ResolvedPaths(home.Home, policy, home.Mappings, home.Connectors, home.Context,
            Path.Combine(folder, "agentic-ir.db"), Path.Combine(folder, "reports"));
    }
}
