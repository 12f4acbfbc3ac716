using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary><c>agentic-ir audit verify</c>: exit 0 when the chain is intact, 1 naming the first bad record, 2 without a database.</summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Recompute every audit record's hash and check the chain; exit 1 naming the first bad record");
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var console = AnsiConsole.Console;
        // Piped into a file or a ticket, messages with hashes should not be wrapped at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        await using var host = await AuditCommand.OpenAsync(settings, console, cancellationToken);
        if (host is null) return 2;
        return await VerifyAsync(host.Resolve<IAuditTrail>(), console, cancellationToken);
    }

    private static async Task<int> VerifyAsync(IAuditTrail log, IAnsiConsole console, CancellationToken cancellationToken)
    {

        var clock = Stopwatch.StartNew();
        var result = await log.VerifyAsync(null, cancellationToken);
        clock.Stop();
        var count = result.RecordsVerified.ToString("N0", CultureInfo.InvariantCulture);
        if (!result.IsIntact)
        {
            console.MarkupLine($"[red]Audit chain broken at record {result.FirstBadSequence}:[/] {Markup.Escape(result.Problem ?? "")}");
            console.MarkupLine($"{count} records verified before it; the last good record is {result.HeadSequence} ({result.HeadHash}).");
            return 1;
        }
        console.MarkupLine($"[green]{count} records verified, chain intact[/] ({clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)");
        console.MarkupLine($"head: record {result.HeadSequence} {result.HeadHash}");
        if (result.Anchor is { } anchor)
        {
            console.MarkupLine(Markup.Escape(
                $"starts after a pruning through record {anchor.PrunedThroughSequence} ({anchor.Count} records) signed off by {anchor.SignedOffBy} " +
                $"at {anchor.PrunedAt.ToString("u", CultureInfo.InvariantCulture)}"));
        }
        return 0;
    }
}
