using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Retention;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir retention run [--dry-run]</c>: one retention pass now, with the configured policy (docs/retention.md).</summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what the pass would remove and change nothing" };
        var run = new Command("run", "Remove what the retention policy no longer keeps: finished investigations, delivered messages, dead letters, report files, and (when a signer is configured) audit records through a signed-off anchor") { dryRun };
        run.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(dryRun), ct));
        return new Command("retention", "Apply the retention policy") { run };
    }

    private static async Task<int> RunAsync(ParseResult parse, bool dryRun, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var console = AnsiConsole.Console;
        var (options, problem) = RetentionSettings.From(settings.Configuration);
        if (options is null)
        {
            console.MarkupLine($"[red]{Markup.Escape(problem!)}[/]");
            return 2;
        }
        await using var host = await Audit.AuditCommand.OpenAsync(settings, console, cancellationToken);
        if (host is null) return 2;
        var runner = new RetentionRunner(options, host.Resolve<IRetentionStore>(), host.Resolve<IAuditTrail>(), TimeProvider.System, settings.Paths.Reports, settings.Paths.Policy);
        RetentionReport report;
        try
        {
            report = await runner.RunAsync(dryRun, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 1;
        }
        var verb = dryRun ? "Would remove" : "Removed";
        var s = report.Store;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verb} {s.Investigations} finished investigations ({s.StageEvents} stage events, {s.Intake} intake rows), {s.Messages} outbox messages, {s.DeadLetters} dead letters, {s.Notifications} notification deliveries, {report.ReportFiles} report files."));
        if (report.AuditCutoff is not { } cutoff)
            console.WriteLine("Audit trail: not pruned (set Retention:AuditSignedOffBy to prune it through a signed-off anchor).");
        else if (dryRun)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit trail: records appended before {cutoff:u} would be pruned through a signed-off anchor."));
        else if (report.Audit?.Anchor is { } anchor)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit trail: pruned {report.Audit.PrunedCount} records through record {anchor.PrunedThroughSequence}, anchor {anchor.AnchorHash}."));
        else
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit trail: no record older than {cutoff:u}."));
        return 0;
    }
}
