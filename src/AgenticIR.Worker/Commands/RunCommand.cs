using System.CommandLine;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Ports;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Kafka;
using AgenticIR.Kafka.Consuming;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Inputs;
using AgenticIR.Worker.Retention;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir run</c>: the long-running worker. Resumes unfinished investigations, then watches an inbox
/// folder, joins the Kafka consumer group when one is configured, bridges every configured Splunk SOAR and Cortex XSOAR
/// instance, and runs the governance clockwork (timeouts, released holds, shadow comparisons, policy reload).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "Folder to watch for alert files", DefaultValueFactory = _ => Path.Combine("agentic-ir-data", "inbox") };
        var interval = new Option<int>("--poll-seconds") { Description = "Seconds between inbox scans", DefaultValueFactory = _ => 2 };
        var metrics = MetricsSettings.CreateJsonLinesOption();
        var maxInput = InputLimits.CreateOption();
        var command = new Command("run", "Run the worker: resume unfinished investigations, then take alerts from the inbox folder, Kafka and the configured SOARs until stopped") { inbox, interval, metrics, maxInput, AgenticIrCommandLine.ReasonerOption };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(inbox), parse.GetValue(interval), parse.GetValue(maxInput), MetricsSettings.From(parse.GetValue(metrics), longRunning: true), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string inbox, int pollSeconds, long? maxInputBytes, MetricsSettings metrics, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse, (nameof(WorkerOptions.Reasoner), parse.GetValue(AgenticIrCommandLine.ReasonerOption)));
        if (!InputLimits.TryResolve(maxInputBytes ?? settings.MaxInputBytesSetting, null, out var maxInput, out var problem))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem!)}[/]");
            return 2;
        }
        var folder = Path.GetFullPath(inbox);
        var interval = TimeSpan.FromSeconds(Math.Max(1, pollSeconds));
        var mode = settings.Worker.Mode;
        var (retention, retentionProblem) = RetentionSettings.From(settings.Configuration);
        if (retention is null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(retentionProblem!)}[/]");
            return 2;
        }
        using var loggerFactory = LoggingSetup.Create(settings.Paths, console: true);
        // One host: the pipeline and every worker beside it (HEC delivery and heartbeats are the metrics' own).
        var worker = WorkerIdentity.Create(TimeProvider.System, settings.Worker.HeartbeatInterval, settings.Worker.WorkerTimeout);
        await using var host = await CommandHost.TryStartPipelineAsync(settings, AnsiConsole.Console, loggerFactory, metrics, null, services =>
        {
            // First: registered before any source resumes or takes anything, and claims made under this worker's id.
            services.AddSingleton(worker);
            services.AddSingleton<IInvestigationClaims, WorkerInvestigationClaims>();
            // Passes that run in one place at a time (SOAR polling, approval timeouts, outbox and HEC delivery) hold leases.
            services.AddSingleton<IPassGate, WorkerPassGate>();
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<WorkerHeartbeatWorker>(sp));
            services.AddHostedService(sp => new FolderWatchWorker(folder, interval, mode, sp.GetRequiredService<IAlertNormalizer>(),
                sp.GetRequiredService<IAlertIntake>(), sp.GetRequiredService<StageRunner>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FolderWatchWorker>>(), maxInput));
            services.AddHostedService(sp => new SplunkSoarBridgeWorker(sp.GetRequiredService<SplunkSoarBridges>()));
            services.AddHostedService(sp => new XsoarBridgeWorker(sp.GetRequiredService<XsoarBridges>()));
            // Joins the consumer group when a bootstrap is configured (Kafka:Bootstrap, AGENTICIR_KAFKA_BOOTSTRAP).
            if (KafkaConfigured(settings)) services.AddKafkaConsumer(new KafkaIntakeSettings(mode, maxInput));
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<GovernanceLoopWorker>(sp));
            // Delivers what the outbox still holds (after a crash, or a subscriber that failed) with backoff.
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OutboxWorker>(sp));
            // Shadow-comparison events and demotion.
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<MetricsLoopWorker>(sp));
            // Removes what the retention policy no longer keeps, at start and then periodically.
            services.AddHostedService(sp => new RetentionWorker(
                new RetentionRunner(retention, sp.GetRequiredService<IRetentionStore>(), sp.GetRequiredService<AgenticIR.Core.Audit.IAuditTrail>(),
                    sp.GetRequiredService<TimeProvider>(), settings.Paths.Reports, settings.Paths.Policy),
                retention, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RetentionWorker>>()));
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        }, cancellationToken);
        if (host is null) return 1;
        host.Resolve<ReloadingPolicyProvider>().StartWatching(TimeSpan.FromSeconds(5));
        await host.RunAsync(cancellationToken);
        return 0;
    }

    private static bool KafkaConfigured(CommandSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.Configuration[$"{KafkaSourceOptions.SectionName}:{nameof(KafkaSourceOptions.Bootstrap)}"]);
}
