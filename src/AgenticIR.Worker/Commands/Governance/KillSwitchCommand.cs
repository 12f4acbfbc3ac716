using System.CommandLine;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;
using AgenticIR.Governance.Controls;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Governance;

/// <summary><c>agentic-ir kill-switch engage|release|status</c>. The switch is a row in the worker's own database and
/// the dispatch guard reads it before every dispatch, so a running worker stops at its next action — including actions
/// approved before the switch was engaged.</summary>
internal static class KillSwitchCommand
{
    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var command = new Command("kill-switch", "Pause autonomous actions (global, one agent, one investigation) until a named person releases them");
        command.Add(Engage(console));
        command.Add(Release(console));
        command.Add(Status(console));
        return command;
    }

    private static Option<string> ScopeOption() => new("--scope")
    {
        Description = "global, agent:<name> (e.g. agent:response_orchestrator) or investigation:<id>",
        Required = true,
    };

    private static Option<string> ByOption() => new("--by") { Description = "Your name: who engaged or released it", Required = true };

    private static Command Engage(IAnsiConsole? console)
    {
        var scope = ScopeOption();
        var by = ByOption();
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var command = new Command("engage", "Engage a kill switch: no autonomous action in its scope is dispatched until it is released") { scope, by, reason };
        command.SetAction((parse, ct) => RunAsync(parse, console, parse.GetValue(scope), async (session, output, token) =>
        {
            var (s, who, why) = (parse.GetRequiredValue(scope), parse.GetRequiredValue(by), parse.GetRequiredValue(reason));
            if (session.Service is { } service)
            {
                await service.EngageAsync(s, who, why, token);
            }
            else
            {
                // The policy does not load: engaging must still work, only the notifications it names are skipped.
                await session.Controls.EngageAsync(new KillSwitch(s, who, why, TimeProvider.System.GetUtcNow()), token);
                await session.Audit.AppendAsync(new AuditEntry
                {
                    AgentName = "operator", ActionType = "kill_switch", Target = s, Justification = why, ApproverIdentity = who, Outcome = "engaged",
                    InvestigationId = s.StartsWith("investigation:", StringComparison.Ordinal) ? s["investigation:".Length..] : null,
                }, token);
            }
            var active = (await session.Controls.ActiveAsync(token)).First(k => k.Scope == s);
            output.MarkupLine(active.EngagedBy == who && active.Reason == why
                ? $"[red]Kill switch {Markup.Escape(s)} engaged[/] by {Markup.Escape(who)}: {Markup.Escape(why)}"
                : $"[yellow]Kill switch {Markup.Escape(s)} was already engaged[/] by {Markup.Escape(active.EngagedBy)} at {active.EngagedAt:u}: {Markup.Escape(active.Reason)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Release(IAnsiConsole? console)
    {
        var scope = ScopeOption();
        var by = ByOption();
        var reason = new Option<string?>("--reason") { Description = "Why it is safe to resume" };
        var command = new Command("release", "Release a kill switch; autonomous actions in its scope resume") { scope, by, reason };
        command.SetAction((parse, ct) => RunAsync(parse, console, parse.GetValue(scope), async (session, output, token) =>
        {
            var (s, who, why) = (parse.GetRequiredValue(scope), parse.GetRequiredValue(by), parse.GetValue(reason));
            if (who.StartsWith("policy:", StringComparison.Ordinal))
            {
                output.MarkupLine("[red]A kill switch is released by a named person.[/]");
                return 2;
            }
            bool released;
            if (session.Service is { } service)
            {
                released = await service.ReleaseAsync(s, who, why, token);
            }
            else
            {
                released = await session.Controls.ReleaseAsync(s, who, TimeProvider.System.GetUtcNow(), token);
                if (released)
                {
                    await session.Audit.AppendAsync(new AuditEntry
                    {
                        AgentName = "operator", ActionType = "kill_switch", Target = s, Justification = why ?? "", ApproverIdentity = who, Outcome = "released",
                    }, token);
                }
            }
            if (!released)
            {
                output.MarkupLine($"[yellow]Kill switch {Markup.Escape(s)} is not engaged.[/]");
                return 1;
            }
            output.MarkupLine($"[green]Kill switch {Markup.Escape(s)} released[/] by {Markup.Escape(who)}{(why is null ? "" : ": " + Markup.Escape(why))}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Status(IAnsiConsole? console)
    {
        var command = new Command("status", "List engaged kill switches: scope, who, when, why");
        command.SetAction((parse, ct) => RunAsync(parse, console, null, async (session, output, token) =>
        {
            // Agent breakers share the store with the switches but are the health loop's, shown by `status`.
            var active = (await session.Controls.ActiveAsync(token)).Where(k => !AgentBreakerScopes.IsBreaker(k.Scope)).ToList();
            if (active.Count == 0)
            {
                output.MarkupLine("[green]No kill switch engaged.[/] Autonomous actions run as the policy allows.");
                return 0;
            }
            var table = new Table().Title($"[red]{active.Count} kill switch(es) engaged[/]").AddColumns("Scope", "Engaged by", "At (UTC)", "Reason");
            foreach (var k in active) table.AddRow(Markup.Escape(k.Scope), Markup.Escape(k.EngagedBy), k.EngagedAt.ToUniversalTime().ToString("u", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(k.Reason));
            output.Write(table);
            return 0;
        }, ct));
        return command;
    }

    private sealed record Session(IGovernanceControlStore Controls, IAuditLog Audit, KillSwitchService? Service);

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole? console, string? scope,
        Func<Session, IAnsiConsole, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        if (scope is not null)
        {
            try
            {
                KillSwitchService.ValidateScope(scope);
            }
            catch (ArgumentException ex)
            {
                output.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 2;
            }
        }
        // A mistyped --db would otherwise create a fresh database that no worker reads, and the switch would stop nothing.
        if (settings.EmbeddedStoreMissing)
        {
            output.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/]: pass the worker's database with --db (or AGENTICIR_DB).");
            return 2;
        }
        using var loggerFactory = LoggingSetup.Create(paths, console: false);
        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken, loggerFactory);
        // Only the policy file is read (not the whole definition set): engaging must work while a connector is broken.
        var (policy, errors) = GovernancePolicyLoader.TryLoad(paths.Policy);
        if (policy is null)
            output.MarkupLine($"[yellow]The policy {Markup.Escape(paths.Policy)} does not load ({errors.Count} error(s); run validate); its notifications are skipped.[/]");
        var service = policy is null ? null : host.Create<KillSwitchService>((IPolicyProvider)new FixedPolicyProvider(policy));
        return await work(new Session(host.Resolve<IGovernanceControlStore>(), host.Resolve<IAuditLog>(), service), output, cancellationToken);
    }
}
