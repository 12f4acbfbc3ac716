using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Definitions.Policy;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary><c>agentic-ir audit prune --signed-off-by NAME [--older-than-days N]</c>: retention pruning with a signed-off anchor.</summary>
internal static class AuditPruneCommand
{
    public static Command Create()
    {
        var signedOffBy = new Option<string>("--signed-off-by") { Description = "Who authorises the pruning (recorded in the anchor and the chain)", Required = true };
        var olderThanDays = new Option<int?>("--older-than-days") { Description = "Remove records older than this many days (default: the policy's audit_trail.retention_days)" };
        var command = new Command("prune", "Remove audit records past retention, leaving a signed-off anchor so the chain still verifies") { signedOffBy, olderThanDays };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(signedOffBy), parse.GetValue(olderThanDays), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string signedOffBy, int? olderThanDays, CancellationToken cancellationToken)
    {
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        var console = AnsiConsole.Console;
        // Piped into a file or a ticket, messages with hashes should not be wrapped at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        if (string.IsNullOrWhiteSpace(signedOffBy))
        {
            console.MarkupLine("[red]--signed-off-by must name a person[/]");
            return 2;
        }
        var days = olderThanDays ?? RetentionDays(paths.Policy, console);
        if (days is null) return 2;
        if (days < 0)
        {
            console.MarkupLine("[red]--older-than-days must not be negative[/]");
            return 2;
        }

        await using var host = await AuditCommand.OpenAsync(settings, console, cancellationToken);
        if (host is null) return 2;
        var log = host.Resolve<IAuditTrail>();
        var cutoff = TimeProvider.System.GetUtcNow().AddDays(-days.Value);
        try
        {
            var result = await log.PruneAsync(cutoff, signedOffBy, cancellationToken);
            if (result.Anchor is null)
            {
                console.MarkupLine($"Nothing to prune: no record is older than {days} days ({cutoff.ToString("u", CultureInfo.InvariantCulture)}).");
                return 0;
            }
            console.MarkupLine($"[green]Pruned {result.PrunedCount} records[/] through record {result.Anchor.PrunedThroughSequence}, signed off by {Markup.Escape(signedOffBy)}.");
            console.MarkupLine($"anchor {result.Anchor.AnchorHash} recorded as audit record {result.Anchor.RecordSequence}");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 1;
        }
    }

    private static int? RetentionDays(string policyPath, IAnsiConsole console)
    {
        var (policy, errors) = GovernancePolicyLoader.TryLoad(policyPath);
        if (policy is not null) return policy.AuditTrail.RetentionDays;
        console.MarkupLine($"[red]Cannot read audit_trail.retention_days from {Markup.Escape(policyPath)}[/] (pass --older-than-days):");
        foreach (var error in errors) console.WriteLine("  " + error);
        return null;
    }
}
