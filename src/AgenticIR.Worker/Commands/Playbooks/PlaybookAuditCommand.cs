using System.CommandLine;
using AgenticIR.Agents;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Soar.SplunkSoar.PlaybookAudit;
using AgenticIR.Soar.Xsoar.PlaybookAudit;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary><c>agentic-ir playbooks audit [--instance NAME] [--since 90d] [--format table|json|csv]</c>: every playbook of
/// every configured SOAR instance (Splunk SOAR and Cortex XSOAR, one table) with its runs, failures, success rate, last run, median duration, the logical actions
/// it performs, the agents' coverage of them, and a retire / keep / convert recommendation by the policy's rules. Reads
/// only.</summary>
internal static class PlaybookAuditCommand
{
    public static readonly Option<string?> InstanceOption = new("--instance") { Description = "Only this SOAR instance (config/soar.yaml name, Splunk SOAR or XSOAR; default: every instance)" };

    public static Command Create(IAnsiConsole? console)
    {
        var since = SinceOption.CreateOptional("Runs started since (default: the policy's migration.playbook_audit.window_days, 90d)");
        var format = new Option<string>("--format") { Description = "table (for people), json or csv (for spreadsheets)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var metrics = new Option<string?>("--metrics-jsonl") { Description = "Also append one playbook_audit event per playbook to this JSON-lines file (Splunk app: Playbook migration dashboard)" };
        var command = new Command("audit", "Inventory every playbook from the SOAR's own records and recommend retire, keep as automation, or convert to an agent capability")
        {
            InstanceOption, since, format, metrics,
        };
        command.SetAction((parse, ct) => RunAsync(parse, console ?? AnsiConsole.Console, parse.GetValue(InstanceOption), parse.GetValue(since),
            parse.GetRequiredValue(format), parse.GetValue(metrics), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole console, string? instance, string? sinceText, string format, string? metricsFile,
        CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected && console == AnsiConsole.Console) console.Profile.Width = 240;
        using var access = PlaybookSoarAccess.Open(CommandSettings.From(parse), instance, console, withXsoar: true);
        if (access is null) return 2;
        var now = TimeProvider.System.GetUtcNow();
        var rules = access.Policy.Migration.PlaybookAudit;
        var since = now.AddDays(-rules.WindowDays);
        if (sinceText is not null && !SinceOption.TryParse(sinceText, now, out since))
        {
            console.MarkupLine($"[red]{Markup.Escape(SinceOption.Error(sinceText))}[/]");
            return 2;
        }
        var windowDays = (now - since).TotalDays;
        if (windowDays <= 0)
        {
            console.MarkupLine("[red]--since must lie in the past[/]");
            return 2;
        }

        var rows = new List<PlaybookAuditRow>();
        var failures = new List<string>(access.XsoarProblems);
        foreach (var client in access.Clients)
        {
            try
            {
                Classify(await SplunkSoarPlaybookInventory.ReadAsync(client, access.Catalog, since, cancellationToken));
            }
            catch (Exception ex) when (PlaybookSoarAccess.IsSoarError(ex))
            {
                failures.Add(PlaybookSoarAccess.Describe(client.InstanceName, ex));
            }
        }
        foreach (var client in access.XsoarClients)
        {
            try
            {
                Classify(await XsoarPlaybookInventory.ReadAsync(client, access.Catalog, since, cancellationToken));
            }
            catch (Exception ex) when (PlaybookSoarAccess.IsXsoarError(ex))
            {
                failures.Add(PlaybookSoarAccess.DescribeXsoar(client.InstanceName, ex));
            }
        }

        void Classify(IReadOnlyList<AuditedPlaybook> inventory)
        {
            foreach (var playbook in inventory)
            {
                var fallbackOf = access.Policy.Migration.BreakGlass.Capabilities
                    .Where(c => (c.SoarInstance is null || c.SoarInstance == playbook.Instance) && BreakGlassChecker.Find([playbook], c.Playbook) is not null)
                    .Select(c => c.Capability).ToList();
                rows.Add(PlaybookClassifier.Classify(playbook, rules, windowDays, AgentCoverage.AgentFor, fallbackOf));
            }
        }

        if (metricsFile is not null)
        {
            await using var sink = new JsonLinesMetricsSink(new JsonLinesSinkOptions { Path = metricsFile }, NullLogger<JsonLinesMetricsSink>.Instance);
            await sink.EmitAsync([.. rows.Select(r => MetricsRecords.ToEvent(PlaybookAuditOutput.Metrics(r, now)))], cancellationToken);
        }
        switch (format)
        {
            case "json":
                console.Profile.Out.Writer.WriteLine(PlaybookAuditOutput.Json(rows, since, now));
                break;
            case "csv":
                console.Profile.Out.Writer.Write(PlaybookAuditOutput.Csv(rows));
                break;
            default:
                PlaybookAuditOutput.Table(console, rows, since, now, rules);
                break;
        }
        // JSON and CSV stay parseable: problems go to standard error there.
        foreach (var failure in failures)
        {
            if (format == "table") console.MarkupLine($"[red]{Markup.Escape(failure)}[/]");
            else Console.Error.WriteLine(failure);
        }
        return failures.Count == 0 ? 0 : 1;
    }
}
