using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Ports;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Soar;

/// <summary><c>agentic-ir shadow report [--since 30d] [--format text|json]</c>: how the agents compared with the
/// playbooks and analysts on shadow-mode containers, by playbook and by the agents' triaged severity.</summary>
internal static class ShadowReportCommand
{
    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var since = SinceOption.Create("Window", "30d");
        var format = new Option<string>("--format") { Description = "text (table) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var report = new Command("report",
            "Shadow comparisons by playbook and severity: severity and disposition agreement, action overlap, extra findings, median time to decision")
        { since, format };
        report.SetAction((parse, ct) => RunAsync(parse, console, parse.GetRequiredValue(since), parse.GetRequiredValue(format), ct));
        return new Command("shadow", "Shadow-mode comparison with the SOAR's playbooks and analysts") { report };
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole? console, string sinceText, string format, CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        if (console is null && Console.IsOutputRedirected) output.Profile.Width = 240;
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        var time = TimeProvider.System;
        if (!SinceOption.TryRead(sinceText, time, output, out var from)) return 2;
        if (settings.EmbeddedStoreMissing)
        {
            output.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (pass the worker's database with --db)");
            return 2;
        }
        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken);
        var comparisons = await host.Resolve<IShadowComparisonStore>().ListSinceAsync(from, cancellationToken);
        var rows = ShadowReport.Summarize(comparisons);
        if (format == "json")
        {
            // Written raw: markup parsing would eat JSON's square brackets.
            output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new { since = from, rows }, CoreJson.Indented));
            return 0;
        }
        Write(output, from, rows);
        return 0;
    }

    private static void Write(IAnsiConsole output, DateTimeOffset from, IReadOnlyList<ShadowReportRow> rows)
    {
        output.Write(new Rule($"Shadow comparison since {from.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC").LeftJustified());
        if (rows.Count == 0)
        {
            output.MarkupLine("No shadow-mode container was observed in this window.");
            return;
        }
        var table = new Table().AddColumns("playbook", "severity", "n", "closed", "severity agree", "disposition agree",
            "action overlap", "extra findings", "median decision: agents", "median decision: playbook");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Playbook), Markup.Escape(row.Severity), N(row.Count), N(row.Final),
                Percent(row.SeverityAgreementPercent), Percent(row.DispositionAgreementPercent),
                row.MeanActionOverlap.ToString("0.00", CultureInfo.InvariantCulture), N(row.ExtraFindings),
                Seconds(row.MedianAgentSeconds), Seconds(row.MedianPlaybookSeconds));
        }
        output.Write(table);
        output.MarkupLine("[grey]Agreement is over comparisons where both sides are known; action overlap is the Jaccard index of response actions; "
            + "agents decide from triage to saved plan, playbooks from container creation to the first playbook run's end (or the close).[/]");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is null ? "–" : value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Seconds(double? value) => value switch
    {
        null => "–",
        < 120 => value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 7200 => (value.Value / 60).ToString("0.0", CultureInfo.InvariantCulture) + " min",
        _ => (value.Value / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " h",
    };
}
