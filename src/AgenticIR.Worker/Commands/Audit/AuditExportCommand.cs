using System.CommandLine;
using System.Text;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary><c>agentic-ir audit export --format json|csv|cef [--syslog] [--output file] [--since 24h]</c>: the records, then a
/// trailer with the store's anchored head and the counts (docs/audit-trail.md).</summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json (JSON lines), csv (RFC 4180) or cef (ArcSight CEF)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "cef");
        var syslog = new Option<bool>("--syslog") { Description = "Wrap each CEF event in an RFC 5424 syslog header (cef only)" };
        var output = new Option<string?>("--output") { Description = "File to write (default: standard output)" };
        var since = SinceOption.CreateOptional("Only records since");
        var investigation = new Option<string?>("--investigation") { Description = "Only records of this investigation id" };
        var actionType = new Option<string?>("--action-type") { Description = "Only records of this action type, e.g. approval_answer" };
        var command = new Command("export", "Export the audit trail as JSON lines, CSV or CEF") { format, syslog, output, since, investigation, actionType };
        command.SetAction((parse, ct) => RunAsync(parse, new Request(parse.GetRequiredValue(format), parse.GetValue(syslog), parse.GetValue(output),
            parse.GetValue(since), parse.GetValue(investigation), parse.GetValue(actionType)), ct));
        return command;
    }

    private sealed record Request(string Format, bool Syslog, string? Output, string? Since, string? InvestigationId, string? ActionType);

    private static async Task<int> RunAsync(ParseResult parse, Request request, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        // Records go to standard output, so messages go to standard error.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) console.Profile.Width = 240;
        if (request.Syslog && request.Format != "cef")
        {
            console.MarkupLine("[red]--syslog applies to --format cef only[/]");
            return 2;
        }
        DateTimeOffset? since = null;
        if (request.Since is not null)
        {
            if (!SinceOption.TryRead(request.Since, TimeProvider.System, console, out var parsed)) return 2;
            since = parsed;
        }

        await using var host = await AuditCommand.OpenAsync(settings, console, cancellationToken);
        if (host is null) return 2;
        var log = host.Resolve<IAuditTrail>();
        // The head is read first and the export stops there, so the trailer names the last record a complete export holds.
        var head = await log.ReadHeadAsync(cancellationToken);
        var query = new AuditQuery { Since = since, InvestigationId = request.InvestigationId, ActionType = request.ActionType, ThroughSequence = head.Sequence };
        var trailer = new AuditExportTrailer
        {
            Head = head,
            Complete = since is null && request.InvestigationId is null && request.ActionType is null,
            ExportedAt = TimeProvider.System.GetUtcNow(),
        };
        var options = new AuditExportOptions { Syslog = request.Syslog, HostName = Environment.MachineName, ProcessId = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var format = request.Format switch
        {
            "csv" => AuditExportFormat.Csv,
            "cef" => AuditExportFormat.Cef,
            _ => AuditExportFormat.JsonLines,
        };

        long count;
        if (request.Output is null)
        {
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            count = await AuditExporter.WriteAsync(log.StreamAsync(query, cancellationToken), trailer, stdout, format, options, cancellationToken);
        }
        else
        {
            await using var file = new StreamWriter(request.Output, append: false, new UTF8Encoding(false));
            count = await AuditExporter.WriteAsync(log.StreamAsync(query, cancellationToken), trailer, file, format, options, cancellationToken);
        }
        console.MarkupLine($"Exported {count} audit records{(request.Output is null ? "" : " to " + Markup.Escape(request.Output))}");
        // Kept elsewhere, the head shows a later rewrite of the whole store: `audit verify --checkpoint SEQUENCE:HASH`.
        console.MarkupLine($"checkpoint: {head.Sequence}:{head.Hash}");
        return 0;
    }
}
