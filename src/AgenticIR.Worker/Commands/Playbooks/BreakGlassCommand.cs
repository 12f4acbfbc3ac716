using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Audit;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.SplunkSoar.PlaybookAudit;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary><c>agentic-ir playbooks break-glass [--instance NAME] [--format table|json]</c>: for every critical response
/// capability the policy lists, whether its manual fallback playbook exists on the SOAR, is active, and ran successfully
/// within the test interval. Each result is audited (<c>break_glass_check</c>) so the governance report can flag gaps;
/// exit 1 when any capability has a gap.</summary>
internal static class BreakGlassCommand
{
    /// <summary>Audit action type of one capability's check.</summary>
    public const string CheckActionType = "break_glass_check";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(IAnsiConsole? console)
    {
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("break-glass", "Check the manual fallback playbook of every critical response capability: exists, active, exercised within the test interval")
        {
            PlaybookAuditCommand.InstanceOption, format,
        };
        command.SetAction((parse, ct) => RunAsync(parse, console ?? AnsiConsole.Console, parse.GetValue(PlaybookAuditCommand.InstanceOption), parse.GetRequiredValue(format), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole console, string? instance, string format, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected && console == AnsiConsole.Console) console.Profile.Width = 200;
        var settings = CommandSettings.From(parse);
        using var access = PlaybookSoarAccess.Open(settings, instance, console);
        if (access is null) return 2;
        var policy = access.Policy.Migration.BreakGlass;
        if (policy.Capabilities.Count == 0)
        {
            console.MarkupLine("[yellow]The policy lists no critical capability under migration.break_glass.capabilities[/]: nothing to check.");
            return 1;
        }

        var now = TimeProvider.System.GetUtcNow();
        var rows = new List<BreakGlassRow>();
        foreach (var client in access.Clients)
        {
            try
            {
                var inventory = await SplunkSoarPlaybookInventory.ReadAsync(client, access.Catalog, now.AddDays(-policy.TestIntervalDays), cancellationToken);
                rows.AddRange(BreakGlassChecker.Check(policy, client.InstanceName, inventory, now));
            }
            catch (Exception ex) when (PlaybookSoarAccess.IsSoarError(ex))
            {
                console.MarkupLine($"[red]{Markup.Escape(PlaybookSoarAccess.Describe(client.InstanceName, ex))}[/]");
                return 1;
            }
        }

        await using (var host = await CommandHost.OpenStoreAsync(settings, cancellationToken))
        {
            var audit = host.Resolve<IAuditLog>();
            foreach (var row in rows) await audit.AppendAsync(Entry(row, policy.TestIntervalDays), cancellationToken);
        }

        if (format == "json")
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(rows.Select(r => new Dictionary<string, object?>
            {
                ["capability"] = r.Capability,
                ["playbook"] = r.Playbook,
                ["instance"] = r.Instance,
                ["exists"] = r.Exists,
                ["active"] = r.Active,
                ["last_success"] = r.LastSuccess,
                ["ready"] = r.Ready,
                ["gaps"] = r.Gaps,
            }), Indented));
        }
        else
        {
            var table = new Table().AddColumns("Capability", "Fallback playbook", "Instance", "Exists", "Active", Invariant($"Last success (≤ {policy.TestIntervalDays} days)"), "Gaps");
            foreach (var r in rows)
            {
                table.AddRow(E(r.Capability), E(r.Playbook), E(r.Instance), r.Exists ? "yes" : "[red]no[/]", r.Exists ? (r.Active ? "yes" : "[red]no[/]") : "–",
                    r.LastSuccess is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "[red]none[/]",
                    r.Ready ? "[green]ready[/]" : $"[red]{E(string.Join("; ", r.Gaps))}[/]");
            }
            console.Write(table);
            var gaps = rows.Count(r => !r.Ready);
            console.MarkupLine(gaps == 0
                ? "Every critical capability has a tested manual fallback."
                : Invariant($"[red]{gaps} of {rows.Count} critical capability fallback(s) have gaps[/]: the governance report lists them until a check finds them ready."));
        }
        return rows.All(r => r.Ready) ? 0 : 1;
    }

    private static AuditEntry Entry(BreakGlassRow row, int interval) => new()
    {
        AgentName = "governance",
        ActionType = CheckActionType,
        Target = row.Capability,
        Justification = row.Ready ? "fallback ready" : string.Join("; ", row.Gaps),
        Outcome = row.Ready ? "ready" : "gap",
        Details = new Dictionary<string, string>
        {
            ["capability"] = row.Capability,
            ["playbook"] = row.Playbook,
            ["instance"] = row.Instance,
            ["exists"] = row.Exists ? "true" : "false",
            ["active"] = row.Active ? "true" : "false",
            ["last_success"] = row.LastSuccess?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            ["test_interval_days"] = interval.ToString(CultureInfo.InvariantCulture),
        },
    };

    private static string E(string text) => Markup.Escape(AgenticIR.Core.Security.ControlCharacters.Escape(text));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
