using System.CommandLine;
using System.Globalization;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Shadow;
using AgenticIR.Definitions;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Splunk.Graduation;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Splunk;

/// <summary><c>agentic-ir graduation report [--window 30d] [--comparisons file.jsonl]</c>: per playbook × severity, the
/// shadow evidence with Wilson 95% bounds and a recommendation against the policy's graduation criteria; plus
/// <c>graduation caps</c> and <c>graduation reinstate</c> for automatic demotions.</summary>
internal static class GraduationCommand
{
    public static Command Create() => Create(null);

    internal static Command Create(IAnsiConsole? console)
    {
        var window = new Option<string>("--window") { Description = "Evidence window, a whole number of days in the duration grammar of --since, e.g. 30d, 4w (default: the policy's window_days)" };
        var file = new Option<string?>("--comparisons") { Description = "Read comparisons from a JSON-lines file instead of the state store" };
        var report = new Command("report", "Agreement with each playbook per severity, with Wilson 95% bounds and a recommendation") { window, file };
        report.SetAction((parse, ct) => ReportAsync(parse, console ?? AnsiConsole.Console, parse.GetValue(window), parse.GetValue(file), ct));
        return new Command("graduation", "Graduate playbooks to autonomy by measured evidence")
        {
            report,
            GraduationCapsCommand.CreateList(console),
            GraduationCapsCommand.CreateReinstate(console),
            Playbooks.GraduationPromoteCommand.Create(console),
        };
    }

    // Where comparisons come from when no file is given: the SOAR bridge's store in the --db database.
    private static ShadowFactsSource StoreSource(ResolvedPaths paths, IShadowComparisonStore store)
    {
        // Action phases decide which planned actions count as containment; without readable connectors every response
        // action does, which can only make a recommendation stricter.
        var (definitions, _) = Directory.Exists(paths.Connectors) && File.Exists(paths.Policy)
            ? DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors)
            : (null, []);
        return new ShadowFactsSource(store, definitions?.Catalog);
    }

    private static async Task<int> ReportAsync(ParseResult parse, IAnsiConsole console, string? windowText, string? file, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected && console == AnsiConsole.Console) console.Profile.Width = 200;
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        var criteria = SplunkCommandPolicy.Criteria(paths, console);
        if (windowText is not null)
        {
            if (!GraduationWindow.TryParse(windowText, out var days))
            {
                console.MarkupLine($"[red]--window {Markup.Escape(windowText)}[/]: expected whole days or weeks, e.g. 30d or 4w");
                return 2;
            }
            criteria = criteria with { WindowDays = days };
        }
        if (file is not null && !File.Exists(file))
        {
            console.MarkupLine($"[red]No file {Markup.Escape(file)}[/]");
            return 2;
        }
        if (file is null && settings.EmbeddedStoreMissing)
        {
            console.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (pass --db, or --comparisons with a file)");
            return 2;
        }
        await using var host = file is null ? await CommandHost.OpenStoreAsync(settings, cancellationToken) : null;

        var now = TimeProvider.System.GetUtcNow();
        IShadowComparisonSource source = host is null ? new JsonLinesShadowComparisonSource(file!) : StoreSource(paths, host.Resolve<IShadowComparisonStore>());
        var comparisons = await source.ListAsync(now.AddDays(-criteria.WindowDays), now, cancellationToken);
        var result = GraduationEvaluator.Evaluate(comparisons, criteria, now);
        Write(console, result);
        return 0;
    }

    private static void Write(IAnsiConsole console, GraduationReport report)
    {
        var c = report.Criteria;
        console.MarkupLine(Invariant($"Graduation evidence [bold]{report.From:yyyy-MM-dd} → {report.To:yyyy-MM-dd}[/] ({c.WindowDays} days). Promote when n ≥ {c.MinSamples}, Wilson 95% lower bounds ≥ {c.MinAgreementLowerBound:0.00} and harmful ≤ {c.MaxHarmfulDisagreements}."));
        if (report.Rows.Count == 0)
        {
            console.MarkupLine("[yellow]No shadow comparisons in the window.[/]");
            return;
        }
        var table = new Table().AddColumns("Playbook", "Severity", "n", "Severity agreement [[95% CI]]", "Disposition agreement [[95% CI]]",
            "Missed", "Extra", "Harmful", "Recommendation", "Why");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                Markup.Escape(row.Playbook),
                row.Severity.ToString().ToLowerInvariant(),
                row.Samples.ToString(CultureInfo.InvariantCulture),
                Agreement(row.SeverityAgreement),
                Agreement(row.DispositionAgreement),
                row.MissedFindings.ToString(CultureInfo.InvariantCulture),
                row.ExtraFindings.ToString(CultureInfo.InvariantCulture),
                row.HarmfulDisagreements == 0 ? "0" : $"[red]{row.HarmfulDisagreements}[/]",
                row.Recommendation switch
                {
                    GraduationRecommendation.PromoteToAutonomous => "[green]promote to autonomous[/]",
                    GraduationRecommendation.Stay => "stay",
                    _ => "[grey]insufficient evidence[/]",
                },
                Markup.Escape(row.Reason));
        }
        console.Write(table);
        console.MarkupLine("Promotion is a proposal: a human accepts it as a new, audited policy version.");
    }

    private static string Agreement(AgreementStat stat) => stat.Rate is { } rate
        ? Invariant($"{rate:P1} ({stat.Agreed}/{stat.Total}) [[{stat.Lower:0.000}, {stat.Upper:0.000}]]")
        : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
