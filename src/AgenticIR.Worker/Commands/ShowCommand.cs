using System.CommandLine;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary><c>agentic-ir show &lt;investigation-id&gt;</c>: the whole reasoning chain of one investigation.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("investigation-id") { Description = "Investigation id, e.g. inv-3f2a9c…" };
        var command = new Command("show", "Show an investigation's full reasoning chain: alerts, triage signals, steps, findings, plan, timeline") { id };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(id), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string id, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        var console = AnsiConsole.Console;
        // Piped into a file or a ticket, the chain should not be wrapped at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        if (settings.EmbeddedStoreMissing)
        {
            console.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (run replay first, or pass --db)");
            return 2;
        }
        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken);
        var store = host.Resolve<IStateStore>();
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
        {
            console.MarkupLine($"[red]No investigation {Markup.Escape(id)}[/]");
            return 2;
        }
        InvestigationView.Write(console, record, await store.ListStageEventsAsync(id, cancellationToken), await store.ListMessagesAsync(id, cancellationToken));
        return 0;
    }
}
