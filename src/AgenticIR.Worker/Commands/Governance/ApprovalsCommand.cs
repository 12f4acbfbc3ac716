using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Governance.Approvals;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Governance;

/// <summary><c>agentic-ir approvals list|approve|deny</c>: operators answer pending actions from the command line. The
/// answer goes through the same approval service as SOAR comments (tier check, audit, continuation); at the CLI only the
/// user name can be checked against the policy's approver tiers, never roles.</summary>
internal static class ApprovalsCommand
{
    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var command = new Command("approvals", "List actions waiting for approval, and approve or deny them");
        command.Add(List(console));
        command.Add(Answer(console, approve: true));
        command.Add(Answer(console, approve: false));
        return command;
    }

    private static Command List(IAnsiConsole? console)
    {
        var command = new Command("list", "Pending actions: investigation, action, target, risk, gate, deadline and the tier that may answer");
        command.SetAction((parse, ct) => RunAsync(parse, console, host => host.Resolve<PendingApprovals>(), async (approvals, output, token) =>
        {
            var pending = await approvals.ListAsync(token);
            // Piped into a file or a ticket, rows should not be wrapped at 80 columns.
            if (console is null && Console.IsOutputRedirected) output.Profile.Width = 240;
            if (pending.Count == 0)
            {
                output.MarkupLine("[green]No action is waiting for approval.[/]");
                return 0;
            }
            var table = new Table().Title($"{pending.Count} action(s) waiting for approval")
                .AddColumns("Investigation", "Action", "Logical action", "Target", "Risk", "Gate", "Deadline (UTC)", "Required tier");
            foreach (var p in pending)
            {
                table.AddRow(Markup.Escape(p.InvestigationId), Markup.Escape(p.ActionId), Markup.Escape(p.LogicalAction),
                    Markup.Escape(Shorten($"{ObservableTypeNames.ToWire(p.Target.Type)}:{p.Target.Value}")), GovernanceAudit.Wire(p.Risk), GovernanceAudit.Wire(p.Gate),
                    p.Held ? "held" : p.Deadline?.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(p.RequiredTier.Length == 0 ? "any" : p.RequiredTier));
            }
            output.Write(table);
            return 0;
        }, ct));
        return command;
    }

    // Long URLs would push every other column off the screen; `show` prints the full target.
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static Command Answer(IAnsiConsole? console, bool approve)
    {
        var investigation = new Argument<string>("investigation-id") { Description = "Investigation id, e.g. inv-3f2a9c…" };
        var action = new Argument<string>("action-id") { Description = "Action id within the plan, e.g. A2" };
        var who = new Option<string>("--as") { Description = "Your user name; it must be listed under a tier in the policy's approvers", Required = true };
        var reason = new Option<string?>("--reason") { Description = approve ? "Why (optional)" : "Why the action must not run (required)" };
        var command = new Command(approve ? "approve" : "deny", approve ? "Approve a pending action" : "Deny a pending action, with a reason")
        {
            investigation, action, who, reason,
        };
        command.SetAction((parse, ct) => RunAsync(parse, console, host => host.Resolve<IApprovalService>(), async (service, output, token) =>
        {
            var answer = new ApprovalCommand(parse.GetRequiredValue(investigation), parse.GetRequiredValue(action), approve,
                new ApproverIdentity(parse.GetRequiredValue(who), [], ApprovalService.CliChannel), parse.GetValue(reason));
            var outcome = await service.AnswerAsync(answer, token);
            output.MarkupLine(outcome.Accepted ? $"[green]{Markup.Escape(outcome.Message)}[/]" : $"[red]Refused:[/] {Markup.Escape(outcome.Message)}");
            return outcome.Accepted ? 0 : 1;
        }, ct));
        return command;
    }

    // The service is resolved at this boundary and handed to the work, which never sees the host.
    private static async Task<int> RunAsync<TService>(ParseResult parse, IAnsiConsole? console, Func<CommandHost, TService> resolve,
        Func<TService, IAnsiConsole, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        // A mistyped --db would otherwise create an empty database and report that nothing is pending.
        if (settings.EmbeddedStoreMissing)
        {
            output.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/]: pass the worker's database with --db (or AGENTICIR_DB).");
            return 2;
        }
        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        await using var host = await CommandHost.TryStartPipelineAsync(settings, output, loggerFactory, null, null, null, cancellationToken);
        if (host is null) return 1;
        return await work(resolve(host), output, cancellationToken);
    }
}
