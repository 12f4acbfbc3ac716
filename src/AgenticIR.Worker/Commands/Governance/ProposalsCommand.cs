using System.CommandLine;
using System.Globalization;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Governance;

/// <summary><c>agentic-ir proposals list|accept|reject</c>: the review queue of the learning agent's calibrations. An
/// accepted proposal is written into the policy file, validated with connectors/, and becomes a new audited policy
/// version; a running worker picks the file up on its next check.</summary>
internal static class ProposalsCommand
{
    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var command = new Command("proposals", "Review the learning agent's calibration proposals");

        var list = new Command("list", "Pending proposals, oldest first");
        list.SetAction((parse, ct) => RunAsync(parse, console, async (review, output, token) =>
        {
            var pending = await review.PendingAsync(token);
            if (pending.Count == 0)
            {
                output.MarkupLine("No pending proposal.");
                return 0;
            }
            var table = new Table().Title($"{pending.Count} pending proposal(s)").AddColumns("Id", "Parameter", "Current", "Proposed", "From", "Rationale", "Created");
            foreach (var p in pending)
            {
                table.AddRow(p.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.Proposal.Parameter), Markup.Escape(p.Proposal.Current),
                    Markup.Escape(p.Proposal.Proposed), Markup.Escape(p.InvestigationId), Markup.Escape(p.Proposal.Rationale),
                    p.CreatedAt.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture));
            }
            output.Write(table);
            return 0;
        }, ct));
        command.Add(list);

        var acceptId = new Argument<long>("id") { Description = "Proposal id (from proposals list)" };
        var acceptBy = new Option<string>("--by") { Description = "Your name: who accepts it", Required = true };
        var accept = new Command("accept", "Write the proposal into the policy file and put it in force as a new policy version") { acceptId, acceptBy };
        accept.SetAction((parse, ct) => RunAsync(parse, console, async (review, output, token) =>
            Print(output, await review.AcceptAsync(parse.GetRequiredValue(acceptId), parse.GetRequiredValue(acceptBy), token)), ct));
        command.Add(accept);

        var rejectId = new Argument<long>("id") { Description = "Proposal id (from proposals list)" };
        var rejectBy = new Option<string>("--by") { Description = "Your name: who rejects it", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var reject = new Command("reject", "Reject a proposal; the policy does not change") { rejectId, rejectBy, reason };
        reject.SetAction((parse, ct) => RunAsync(parse, console, async (review, output, token) =>
            Print(output, await review.RejectAsync(parse.GetRequiredValue(rejectId), parse.GetRequiredValue(rejectBy), parse.GetRequiredValue(reason), token)), ct));
        command.Add(reject);
        return command;
    }

    private static int Print(IAnsiConsole output, ProposalReviewResult result)
    {
        output.MarkupLine(result.Done ? $"[green]{Markup.Escape(result.Message)}[/]" : $"[red]{Markup.Escape(result.Message)}[/]");
        foreach (var error in result.Errors ?? []) output.WriteLine("  " + error);
        return result.Done ? 0 : 1;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole? console, Func<ProposalReview, IAnsiConsole, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        if (settings.EmbeddedStoreMissing)
        {
            output.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (pass the worker's database with --db)");
            return 2;
        }
        var source = AgenticIrHost.PolicySource(paths);
        var initial = source.Validate(paths.Policy);
        if (initial.Policy is null)
        {
            output.MarkupLine($"[red]The policy does not validate; fix it before deciding proposals:[/]");
            foreach (var error in initial.Errors) output.WriteLine("  " + error);
            return 1;
        }

        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken, loggerFactory);
        // The policy validated just now (with connectors/ only) is the one in force, not the whole definition set's.
        await using var provider = host.Create<ReloadingPolicyProvider>(initial.Policy, source);
        await provider.InitializeAsync(cancellationToken);
        return await work(host.Create<ProposalReview>(provider), output, cancellationToken);
    }
}
