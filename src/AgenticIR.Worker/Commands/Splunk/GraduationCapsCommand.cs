using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Splunk;

/// <summary><c>agentic-ir graduation caps</c> lists the mode caps in force (automatic demotions);
/// <c>agentic-ir graduation reinstate &lt;playbook&gt; &lt;severity&gt; --by &lt;name&gt;</c> lifts one, audited, so the
/// playbook's configured mode applies again.</summary>
internal static class GraduationCapsCommand
{
    /// <summary>Audit action type of a lifted cap.</summary>
    public const string ReinstatedActionType = "playbook_reinstated";

    public static Command CreateList(IAnsiConsole? console)
    {
        var command = new Command("caps", "Playbook × severity mode caps in force (automatic demotions), with their reasons");
        command.SetAction((parse, ct) => ListAsync(parse, console ?? AnsiConsole.Console, ct));
        return command;
    }

    public static Command CreateReinstate(IAnsiConsole? console)
    {
        var playbook = new Argument<string>("playbook") { Description = "Playbook entry name (config/playbooks.yaml)" };
        var severity = new Argument<string>("severity") { Description = "Severity: informational, low, medium, high, critical" };
        var by = new Option<string>("--by") { Description = "Your name: who lifts the cap", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why the playbook may run at its configured mode again" };
        var command = new Command("reinstate", "Lift a demotion cap so the playbook's configured mode applies again (audited)") { playbook, severity, by, reason };
        command.SetAction((parse, ct) => ReinstateAsync(parse, console ?? AnsiConsole.Console, parse.GetRequiredValue(playbook),
            parse.GetRequiredValue(severity), parse.GetRequiredValue(by), parse.GetValue(reason), ct));
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(parse, console, cancellationToken);
        if (host is null) return 2;
        var caps = await host.Resolve<IPlaybookModeOverrides>().ListActiveAsync(cancellationToken);
        if (caps.Count == 0)
        {
            console.MarkupLine("No caps in force: every playbook runs at its configured mode.");
            return 0;
        }
        var table = new Table().AddColumns("Playbook", "Severity", "Capped at", "Since", "By", "Why");
        foreach (var cap in caps)
            table.AddRow(Markup.Escape(cap.Playbook), cap.Severity.ToWire(), cap.Mode.ToWire(),
                cap.At.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), Markup.Escape(cap.By), Markup.Escape(cap.Reason));
        console.Write(table);
        return 0;
    }

    private static async Task<int> ReinstateAsync(ParseResult parse, IAnsiConsole console, string playbook, string severityText, string by,
        string? reason, CancellationToken cancellationToken)
    {
        if (!SeverityNames.TryParse(severityText, out var severity))
        {
            console.MarkupLine($"[red]Unknown severity '{Markup.Escape(severityText)}'[/]: use informational, low, medium, high or critical");
            return 2;
        }
        await using var host = await OpenAsync(parse, console, cancellationToken);
        if (host is null) return 2;
        var time = host.Resolve<TimeProvider>();
        if (!await host.Resolve<IPlaybookModeOverrides>().LiftAsync(playbook, severity, by, time.GetUtcNow(), cancellationToken))
        {
            console.MarkupLine($"No cap in force for [bold]{Markup.Escape(playbook)}[/] at {severity.ToWire()}.");
            return 1;
        }
        await host.Resolve<IAuditLog>().AppendAsync(new AuditEntry
        {
            AgentName = "operator",
            ActionType = ReinstatedActionType,
            Target = $"{playbook}/{severity.ToWire()}",
            Justification = reason ?? "",
            ApprovalStatus = "approved",
            ApproverIdentity = by,
            Outcome = "lifted",
            Details = new Dictionary<string, string> { ["playbook"] = playbook, ["severity"] = severity.ToWire() },
        }, cancellationToken);
        console.MarkupLine($"Lifted the cap on [bold]{Markup.Escape(playbook)}[/] at {severity.ToWire()}; running workers apply its configured mode within a minute.");
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
