using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Splunk;

/// <summary><c>agentic-ir metrics status|requeue</c>: the HEC outbox (pending, delivered, dead-lettered with reasons), and
/// putting dead-lettered events back once the cause (token, index, payload) is fixed.</summary>
internal static class MetricsCommand
{
    public static Command Create()
    {
        var status = new Command("status", "Counts of the metrics outbox and the latest dead-lettered events with their reasons");
        status.SetAction((parse, ct) => StatusAsync(parse, ct));
        var requeue = new Command("requeue", "Put every dead-lettered metrics event back in the delivery queue");
        requeue.SetAction((parse, ct) => RequeueAsync(parse, ct));
        return new Command("metrics", "The Splunk metrics outbox") { status, requeue };
    }

    private static async Task<int> StatusAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        // Piped into a file or a ticket, a dead letter's reason should stay on one line, not wrap at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        await using var host = await OpenAsync(parse, console, cancellationToken);
        if (host is null) return 2;
        var outbox = host.Resolve<IMetricsOutbox>();
        var counts = await outbox.CountAsync(cancellationToken);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"pending {counts.Pending}  delivered {counts.Delivered}  [{(counts.DeadLettered > 0 ? "red" : "green")}]dead-lettered {counts.DeadLettered}[/]"));
        var dead = await outbox.ListDeadLettersAsync(20, cancellationToken);
        if (dead.Count == 0) return 0;
        var table = new Table().AddColumns("Id", "Sourcetype", "Event id", "Attempts", "Reason");
        foreach (var entry in dead)
            table.AddRow(entry.Id.ToString(CultureInfo.InvariantCulture), entry.Sourcetype, entry.EventId,
                entry.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(entry.LastError ?? ""));
        console.Write(table);
        return 0;
    }

    private static async Task<int> RequeueAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var host = await OpenAsync(parse, console, cancellationToken);
        if (host is null) return 2;
        var count = await host.Resolve<IMetricsOutbox>().RequeueDeadLettersAsync(cancellationToken);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Requeued {count} dead-lettered metrics events."));
        return 0;
    }

    private static async Task<CommandHost?> OpenAsync(ParseResult parse, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        if (settings.EmbeddedStoreMissing)
        {
            console.MarkupLine($"[red]No database at {Markup.Escape(settings.Paths.Database)}[/] (pass --db)");
            return null;
        }
        return await CommandHost.OpenStoreAsync(settings, cancellationToken);
    }
}
