using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary><c>agentic-ir audit verify</c>: exit 0 when the chain is intact, 1 listing every problem, 2 without a database.</summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Recompute every audit record's hash and check the chain and its anchored head; exit 1 listing every problem");
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var paths = ResolvedPaths.From(WorkerOptionsBinder.Bind(parse));
        var console = AnsiConsole.Console;
        // Piped into a file or a ticket, messages with hashes should not be wrapped at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        using var log = await AuditCommand.OpenAsync(paths, console, cancellationToken);
        if (log is null) return 2;

        var clock = Stopwatch.StartNew();
        var result = await log.VerifyAsync(null, cancellationToken);
        clock.Stop();
        var read = result.RecordsRead.ToString("N0", CultureInfo.InvariantCulture);
        if (!result.IsIntact)
        {
            // Every break, not only the first: tampering further on must not hide behind an earlier (or a harmless) one.
            var problems = result.BreakCount == 1 ? "1 problem" : $"{result.BreakCount.ToString("N0", CultureInfo.InvariantCulture)} problems";
            console.MarkupLine($"[red]Audit chain broken: {problems}[/] in {read} records read ({result.RecordsVerified.ToString("N0", CultureInfo.InvariantCulture)} check out)");
            foreach (var problem in result.Breaks)
                console.MarkupLine($"  [red]{(problem.Sequence is { } sequence ? $"record {sequence}" : "trail")}:[/] {Markup.Escape(problem.Problem)}");
            if (result.BreakCount > result.Breaks.Count)
                console.MarkupLine($"  … and {(result.BreakCount - result.Breaks.Count).ToString("N0", CultureInfo.InvariantCulture)} more");
            console.MarkupLine($"stored end: record {result.HeadSequence} ({result.HeadHash}); {AnchoredHead(result)}");
            return 1;
        }
        console.MarkupLine($"[green]{read} records verified, chain intact[/] ({clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)");
        console.MarkupLine($"head: record {result.HeadSequence} {result.HeadHash} ({AnchoredHead(result)})");
        if (result.Anchor is { } anchor)
        {
            console.MarkupLine(Markup.Escape(
                $"starts after a pruning through record {anchor.PrunedThroughSequence} ({anchor.Count} records) signed off by {anchor.SignedOffBy} " +
                $"at {anchor.PrunedAt.ToString("u", CultureInfo.InvariantCulture)}"));
        }
        return 0;
    }

    private static string AnchoredHead(Core.Audit.AuditVerification result) => result.AnchoredHead is { } head
        ? $"anchored head: record {head.Sequence}, {head.RecordCount.ToString("N0", CultureInfo.InvariantCulture)} records"
        : "no anchored head";
}
