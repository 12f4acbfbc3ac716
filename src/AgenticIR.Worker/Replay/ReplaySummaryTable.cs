using System.Globalization;
using Spectre.Console;

namespace AgenticIR.Worker.Replay;

/// <summary>The end-of-run summary: outcomes, severities, paths, speed, and every dead letter with its reason.</summary>
internal static class ReplaySummaryTable
{
    public static void Write(IAnsiConsole console, ReplayResult result, string reportsFolder)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Replay summary");
        table.AddColumn("What");
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("inputs", result.Lines.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var status in new[] { "processed", "merged", "dead_lettered" })
            table.AddRow(status, result.Count(status).ToString(CultureInfo.InvariantCulture));
        table.AddRow("investigations", result.Lines.Where(l => l.InvestigationId is not null).Select(l => l.InvestigationId).Distinct().Count().ToString(CultureInfo.InvariantCulture));
        foreach (var group in result.Lines.Where(l => l.Status == "processed").GroupBy(l => l.Severity ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow($"severity {group.Key}", group.Count().ToString(CultureInfo.InvariantCulture));
        foreach (var group in result.Lines.Where(l => l.Status == "processed").GroupBy(l => l.Path ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow($"path {group.Key}", group.Count().ToString(CultureInfo.InvariantCulture));
        if (result.Resumed > 0) table.AddRow("resumed from an earlier run", result.Resumed.ToString(CultureInfo.InvariantCulture));
        var previously = result.Lines.Count(l => l.PreviouslyRecorded);
        if (previously > 0) table.AddRow("already taken by an earlier run", previously.ToString(CultureInfo.InvariantCulture));
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        table.AddRow("elapsed", result.Elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        table.AddRow("alerts/s", (result.Lines.Count / seconds).ToString("0", CultureInfo.InvariantCulture));
        console.Write(table);

        var dead = result.Lines.Where(l => l.Status == "dead_lettered").ToList();
        if (dead.Count > 0)
        {
            console.MarkupLine("[red]Dead letters[/] (kept whole in the store with their reason):");
            foreach (var line in dead) console.MarkupLine($"  {Markup.Escape(line.Input)}: {Markup.Escape(line.Reason ?? "")}");
        }
        console.MarkupLine($"Reports: [link]{Markup.Escape(reportsFolder)}[/]");
    }
}
