using System.CommandLine;
using AgenticIR.Agents.PolicyLifecycle;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Inputs;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir run</c>: the long-running worker. Resumes unfinished investigations, then watches an inbox
/// folder, bridges every configured Splunk SOAR instance, and runs the governance clockwork (timeouts, released holds,
/// shadow comparisons, policy reload).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "Folder to watch for alert files", DefaultValueFactory = _ => Path.Combine("agentic-ir-data", "inbox") };
        var interval = new Option<int>("--poll-seconds") { Description = "Seconds between inbox scans", DefaultValueFactory = _ => 2 };
        var metrics = MetricsSettings.CreateJsonLinesOption();
        var maxInput = InputLimits.CreateOption();
        var command = new Command("run", "Run the worker: resume unfinished investigations, then take alerts from the inbox folder and the configured SOARs until stopped") { inbox, interval, metrics, maxInput };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(inbox), parse.GetValue(interval), parse.GetValue(maxInput), MetricsSettings.From(parse.GetValue(metrics), longRunning: true), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string inbox, int pollSeconds, long? maxInputBytes, MetricsSettings metrics, CancellationToken cancellationToken)
    {
        var options = WorkerOptionsBinder.Bind(parse);
        if (!InputLimits.TryResolve(maxInputBytes, null, out var maxInput, out var problem))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem!)}[/]");
            return 2;
        }
        options.MaxInputBytes = maxInput;
        var paths = ResolvedPaths.From(options);
        using var loggerFactory = LoggingSetup.Create(paths, console: true);
        var pipeline = await CommandPipeline.TryBuildAsync(paths, loggerFactory, AnsiConsole.Console, metrics, cancellationToken);
        if (pipeline is null) return 1;
        await using (pipeline)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddHostedService(_ => new FolderWatchWorker(
                Path.GetFullPath(inbox), TimeSpan.FromSeconds(Math.Max(1, pollSeconds)), options.Mode,
                pipeline.Normalizer, pipeline.Orchestrator, pipeline.Time, loggerFactory.CreateLogger<FolderWatchWorker>(), options.MaxInputBytes));
            if (pipeline.Get<SplunkSoarBridges>().All.Count > 0)
                builder.Services.AddHostedService(_ => new SplunkSoarBridgeWorker(pipeline.Get<SplunkSoarBridges>()));
            builder.Services.AddHostedService(_ => pipeline.Create<GovernanceLoopWorker>());
            builder.Services.AddHostedService(_ => pipeline.Create<OutboxWorker>());
            // Shadow-comparison events and demotion, HEC delivery and heartbeats run in this host.
            foreach (var hosted in MetricsWiring.HostedServices(pipeline)) builder.Services.AddSingleton<IHostedService>(hosted);
            pipeline.Get<ReloadingPolicyProvider>().StartWatching(TimeSpan.FromSeconds(5));
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return 0;
        }
    }
}
