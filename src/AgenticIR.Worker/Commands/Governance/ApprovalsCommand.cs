using System.CommandLine;
using System.Globalization;
using AgenticIR.Agents.Governance;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Definitions;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        command.SetAction((parse, ct) => RunAsync(parse, console, async (pipeline, output, token) =>
        {
            var pending = await pipeline.Get<PendingApprovals>().ListAsync(token);
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
        command.SetAction((parse, ct) => RunAsync(parse, console, async (pipeline, output, token) =>
        {
            var answer = new ApprovalCommand(parse.GetRequiredValue(investigation), parse.GetRequiredValue(action), approve,
                new ApproverIdentity(parse.GetRequiredValue(who), [], ApprovalService.CliChannel), parse.GetValue(reason));
            var outcome = await pipeline.Get<IApprovalService>().AnswerAsync(answer, token);
            output.MarkupLine(outcome.Accepted ? $"[green]{Markup.Escape(outcome.Message)}[/]" : $"[red]Refused:[/] {Markup.Escape(outcome.Message)}");
            return outcome.Accepted ? 0 : 1;
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole? console, Func<Pipeline, IAnsiConsole, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        var paths = ResolvedPaths.From(WorkerOptionsBinder.Bind(parse));
        // A mistyped --db would otherwise create an empty database and report that nothing is pending.
        if (!File.Exists(paths.Database))
        {
            output.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/]: pass the worker's database with --db (or AGENTICIR_DB).");
            return 2;
        }
        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        var pipeline = await TryBuildAsync(paths, loggerFactory, output, cancellationToken);
        if (pipeline is null) return 1;
        await using (pipeline)
        {
            return await work(pipeline, output, cancellationToken);
        }
    }

    private static async Task<Pipeline?> TryBuildAsync(ResolvedPaths paths, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory, IAnsiConsole output,
        CancellationToken cancellationToken)
    {
        var options = new SqliteStoreOptions { Path = paths.Database };
        try
        {
            // What answering needs is registered here too (TryAdd, so the host's wiring wins where it has them); the timeout
            // monitor is left out because it needs a notifier the command has no use for.
            return await PipelineBuilder.BuildAsync(paths, loggerFactory,
                services =>
                {
                    services.AddSqliteApprovalRequests(options).AddSqliteAuditLog(options);
                    services.TryAddSingleton<ApprovalRequestAuditor>();
                    services.TryAddSingleton<IApprovalService, ApprovalService>();
                    services.TryAddSingleton<PendingApprovals>();
                }, cancellationToken);
        }
        catch (DefinitionValidationException ex)
        {
            ValidateCommand.WriteErrors(output, ex.Errors);
            return null;
        }
    }
}
