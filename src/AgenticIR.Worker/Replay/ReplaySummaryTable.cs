using System.Globalization;
using AgenticIR.Core.Security;
using Spectre.Console;

namespace AgenticIR.Worker.Replay;

/// <summary>The end-of-run summary: outcomes, severities, paths, speed, and every dead letter with its reason.</summary>
internal static class ReplaySummaryTable
{
    public static void Write(IAnsiConsole console, ReplayResult result, string reportsFolder)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var totals = result.Totals;
        var table = new Table().Border(TableBorder.Rounded).Title("Replay summary");
        table.AddColumn("What");
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("inputs", N(totals.Inputs));
        foreach (var status in new[] { "processed", "merged", "dead_lettered" })
            table.AddRow(status, N(result.Count(status)));
        foreach (var (key, count) in totals.Counts.Where(c => c.Key.StartsWith("severity:", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
            table.AddRow("severity " + key["severity:".Length..], N(count));
        foreach (var (key, count) in totals.Counts.Where(c => c.Key.StartsWith("path:", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
            table.AddRow("path " + key["path:".Length..], N(count));
        if (result.Resumed > 0) table.AddRow("resumed from an earlier run", N(result.Resumed));
        if (totals.Get("previously") > 0) table.AddRow("already taken by an earlier run", N(totals.Get("previously")));
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        table.AddRow("elapsed", result.Elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        table.AddRow("alerts/s", (totals.Inputs / seconds).ToString("0", CultureInfo.InvariantCulture));
        console.Write(table);

        if (totals.DeadLetters.Count > 0)
        {
            console.MarkupLine("[red]Dead letters[/] (kept whole in the store with their reason):");
            foreach (var line in totals.DeadLetters) console.MarkupLine($"  {Text(line.Input)}: {Text(line.Reason ?? "")}");
        }
        console.MarkupLine($"Reports: [link]{Markup.Escape(reportsFolder)}[/]");
    }

    private static string Text(string text) => Markup.Escape(ControlCharacters.Escape(text));
}
