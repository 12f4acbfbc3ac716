using System.CommandLine;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Inputs;
using AgenticIR.Worker.Replay;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir replay &lt;files|folders&gt;</c>: the main job on the embedded default.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = ".json, .jsonl or .eml files, or folders of them", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "Force a source format instead of detecting it (e.g. splunk_notable, eml, generic)" };
        var summary = new Option<string?>("--summary-json") { Description = "Write one JSON line per input to this file" };
        var output = new Option<string?>("--out") { Description = "Folder for incident reports (default: agentic-ir-out/reports)" };
        var lanes = new Option<int?>("--lanes") { Description = "Parallel investigation lanes (default: processor count)" };
        var quiet = new Option<bool>("--quiet") { Description = "Only the summary table" };
        var metrics = MetricsSettings.CreateJsonLinesOption();
        var maxInput = InputLimits.CreateOption();
        var command = new Command("replay", "Replay alert files through the whole pipeline in shadow mode: triage, investigation, plan, report") { paths, format, summary, output, lanes, quiet, metrics, maxInput, AgenticIrCommandLine.ReasonerOption };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(paths), parse.GetValue(format), parse.GetValue(summary), parse.GetValue(output), parse.GetValue(lanes), parse.GetValue(quiet), parse.GetValue(maxInput),
            MetricsSettings.From(parse.GetValue(metrics), longRunning: false), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string[] inputs, string? format, string? summaryPath, string? output, int? lanes, bool quiet, long? maxInputBytes, MetricsSettings metrics, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse, (nameof(WorkerOptions.ReportsPath), output), (nameof(WorkerOptions.Reasoner), parse.GetValue(AgenticIrCommandLine.ReasonerOption)));
        var resolved = settings.Paths;
        var console = AnsiConsole.Console;
        if (!InputLimits.TryResolve(maxInputBytes ?? settings.MaxInputBytesSetting, null, out var maxInput, out var problem))
        {
            console.MarkupLine($"[red]{Markup.Escape(problem!)}[/]");
            return 2;
        }
        IReadOnlyList<string> files;
        try
        {
            files = InputReader.ListFiles(inputs);
        }
        catch (FileNotFoundException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 2;
        }

        using var loggerFactory = LoggingSetup.Create(resolved, console: false);
        await using var host = await CommandHost.TryStartPipelineAsync(settings, console, loggerFactory, metrics, null, null, cancellationToken);
        if (host is null) return 1;
        var normalizer = host.Resolve<IAlertNormalizer>();
        if (format is not null && !normalizer.Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            console.MarkupLine($"[red]Unknown format '{Markup.Escape(format)}'.[/] Known: {Markup.Escape(string.Join(", ", normalizer.Formats))}");
            return 2;
        }
        var runner = new ReplayRunner(normalizer, host.Resolve<IAlertIntake>(), host.Resolve<StageRunner>(), host.Resolve<IStateStore>(), host.Resolve<TimeProvider>(), maxInput);
        using var summary = summaryPath is null ? null : new SummaryJsonWriter(summaryPath);
        var printer = new ReplayConsole(console, quiet);
        var observer = new CompositeObserver(printer, summary);
        var laneCount = lanes ?? settings.Worker.Lanes;
        var mode = settings.Worker.Mode;
        ReplayResult result;
        if (printer.Interactive)
        {
            result = await console.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                printer.Attach(ctx.AddTask("Investigating"));
                return await runner.RunAsync(files, format, mode, laneCount, observer, cancellationToken);
            });
        }
        else
        {
            result = await runner.RunAsync(files, format, mode, laneCount, observer, cancellationToken);
        }
        ReplaySummaryTable.Write(console, result, resolved.Reports);
        return 0;
    }
}
