using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgenticIR.Core.Audit;
using AgenticIR.Governance.Audit;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary><c>agentic-ir audit verify [--checkpoint SEQ:HASH] [--export FILE]</c>: exit 0 when the chain (or the export) is
/// intact, 1 listing every problem, 2 without a database or with a bad argument.</summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = "SEQUENCE:HASH of a record kept outside the store (an earlier verify, an export trailer, the SIEM): the chain must still pass through it",
        };
        var export = new Option<string?>("--export") { Description = "Verify this JSON-lines export file instead of the database" };
        var command = new Command("verify", "Recompute every audit record's hash and check the chain and its anchored head; exit 1 listing every problem")
        {
            checkpoint,
            export,
        };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(checkpoint), parse.GetValue(export), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string? checkpointText, string? exportPath, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        // Piped into a file or a ticket, messages with hashes should not be wrapped at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        AuditCheckpoint? checkpoint = null;
        if (checkpointText is not null && (checkpoint = ParseCheckpoint(checkpointText)) is null)
        {
            console.MarkupLine($"[red]--checkpoint '{Markup.Escape(checkpointText)}' is not SEQUENCE:HASH[/] (a sequence and a 64-digit hex hash)");
            return 2;
        }
        if (exportPath is not null) return await VerifyExportAsync(exportPath, checkpoint is not null, console, cancellationToken);

        var settings = CommandSettings.From(parse);
        await using var host = await AuditCommand.OpenAsync(settings, console, cancellationToken);
        if (host is null) return 2;
        var log = host.Resolve<IAuditTrail>();

        var clock = Stopwatch.StartNew();
        var result = await log.VerifyAsync(checkpoint, null, cancellationToken);
        clock.Stop();
        if (!result.IsIntact)
        {
            PrintBreaks(console, result);
            console.MarkupLine($"stored end: record {result.HeadSequence} ({result.HeadHash}); {AnchoredHead(result)}");
            return 1;
        }
        console.MarkupLine($"[green]{Count(result.RecordsRead)} records verified, chain intact[/] ({clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)");
        console.MarkupLine($"head: record {result.HeadSequence} {result.HeadHash} ({AnchoredHead(result)})");
        if (checkpoint is not null)
        {
            console.MarkupLine(result.CheckpointMatched == true
                ? $"checkpoint: record {checkpoint.Sequence} is still on the chain"
                : $"[yellow]checkpoint: record {checkpoint.Sequence} has been pruned since; it cannot be compared[/]");
        }
        if (result.Anchor is { } anchor)
        {
            console.MarkupLine(Markup.Escape(
                $"starts after a pruning through record {anchor.PrunedThroughSequence} ({anchor.Count} records) signed off by {anchor.SignedOffBy} " +
                $"at {anchor.PrunedAt.ToString("u", CultureInfo.InvariantCulture)}"));
        }
        return 0;
    }

    private static async Task<int> VerifyExportAsync(string path, bool withCheckpoint, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (withCheckpoint)
        {
            console.MarkupLine("[red]--checkpoint applies to the database, not to --export[/]");
            return 2;
        }
        if (!File.Exists(path))
        {
            console.MarkupLine($"[red]No export at {Markup.Escape(path)}[/]");
            return 2;
        }
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: false));
        var result = await AuditExportVerifier.VerifyAsync(reader, cancellationToken);
        if (!result.IsIntact)
        {
            PrintBreaks(console, result);
            return 1;
        }
        var head = result.AnchoredHead!;
        console.MarkupLine($"[green]{Count(result.RecordsRead)} exported records verified[/]; trailer head: record {head.Sequence} {head.Hash}, {Count(head.RecordCount)} records in the store");
        return 0;
    }

    // Every break, not only the first: tampering further on must not hide behind an earlier (or a harmless) one.
    private static void PrintBreaks(IAnsiConsole console, AuditVerification result)
    {
        var problems = result.BreakCount == 1 ? "1 problem" : $"{Count(result.BreakCount)} problems";
        console.MarkupLine($"[red]Audit chain broken: {problems}[/] in {Count(result.RecordsRead)} records read ({Count(result.RecordsVerified)} check out)");
        foreach (var problem in result.Breaks)
            console.MarkupLine($"  [red]{(problem.Sequence is { } sequence ? $"record {sequence}" : "trail")}:[/] {Markup.Escape(problem.Problem)}");
        if (result.BreakCount > result.Breaks.Count) console.MarkupLine($"  … and {Count(result.BreakCount - result.Breaks.Count)} more");
    }

    private static AuditCheckpoint? ParseCheckpoint(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1) return null;
        var hash = parts[1].ToLowerInvariant();
        return hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? new AuditCheckpoint(sequence, hash) : null;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string AnchoredHead(AuditVerification result) => result.AnchoredHead is { } head
        ? $"anchored head: record {head.Sequence}, {Count(head.RecordCount)} records"
        : "no anchored head";
}
