using System.Globalization;
using AgenticIR.Core.Alerts;
using Spectre.Console;

namespace AgenticIR.Worker.Evaluation;

/// <summary>The human view of an evaluation: the figures, the figures per format, reference × triage severity, then
/// every record that missed something with what it missed.</summary>
internal static class EvaluationTables
{
    private static readonly Severity[] Severities = Enum.GetValues<Severity>();

    public static void Write(IAnsiConsole console, EvaluationReport report)
    {
        var overall = report.Overall;
        var summary = new Table().Border(TableBorder.Rounded).Title("Evaluation summary");
        summary.AddColumn("Figure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("records", N(overall.Records));
        if (report.MalformedLines.Count > 0) summary.AddRow("[red]malformed lines (not evaluated)[/]", N(report.MalformedLines.Count));
        summary.AddRow("processed share", R(overall.Processed));
        summary.AddRow("observable recall", R(overall.ObservableRecall));
        summary.AddRow("records with no expected observable", N(overall.RecordsWithoutExpectedObservables));
        summary.AddRow("ATT&CK recall (parent techniques)", R(overall.AttackRecall));
        summary.AddRow("severity within one step", R(overall.SeverityWithinOneStep));
        summary.AddRow("elapsed", report.ElapsedSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        console.Write(summary);

        var formats = new Table().Border(TableBorder.Rounded).Title("By format");
        formats.AddColumn("Format");
        foreach (var column in new[] { "Records", "Processed", "Observable recall", "No observable", "ATT&CK recall", "Severity ±1" })
            formats.AddColumn(new TableColumn(column).RightAligned());
        foreach (var (format, f) in report.ByFormat)
            formats.AddRow(Markup.Escape(format), N(f.Records), R(f.Processed), R(f.ObservableRecall), N(f.RecordsWithoutExpectedObservables), R(f.AttackRecall), R(f.SeverityWithinOneStep));
        console.Write(formats);

        WriteSeverity(console, report);
        WriteMisses(console, report);
    }

    private static void WriteSeverity(IAnsiConsole console, EvaluationReport report)
    {
        if (report.SeverityDistribution.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("Severity: reference (rows) × triage (columns)");
        table.AddColumn("Reference");
        foreach (var ours in Severities) table.AddColumn(new TableColumn(ours.ToWire()).RightAligned());
        table.AddColumn(new TableColumn("not triaged").RightAligned());
        foreach (var reference in Severities)
        {
            var cells = report.SeverityDistribution.Where(c => c.Reference == reference).ToList();
            if (cells.Count == 0) continue;
            var row = new List<string> { reference.ToWire() };
            row.AddRange(Severities.Select(ours => Cell(cells.FirstOrDefault(c => c.Ours == ours)?.Count ?? 0, Math.Abs((int)ours - (int)reference) <= 1)));
            row.Add(Cell(cells.FirstOrDefault(c => c.Ours is null)?.Count ?? 0, withinOneStep: false));
            table.AddRow(row.ToArray());
        }
        console.Write(table);
    }

    private static void WriteMisses(IAnsiConsole console, EvaluationReport report)
    {
        foreach (var line in report.MalformedLines)
            console.MarkupLine($"[red]line {N(line.Line)}[/]: {Markup.Escape(line.Reason)}");
        var misses = report.Records.Where(r => r.HasMiss).ToList();
        if (misses.Count == 0)
        {
            console.MarkupLine("[green]No misses.[/]");
            return;
        }
        console.Write(new Rule($"Misses ({N(misses.Count)} of {N(report.Records.Count)} records)").LeftJustified());
        foreach (var r in misses)
        {
            console.MarkupLine($"[bold]{Markup.Escape(r.Id)}[/] [grey](line {N(r.Line)}, {Markup.Escape(r.Format)} → {Markup.Escape(r.DetectedFormat ?? "-")})[/]");
            if (!r.Processed || r.Status != "processed")
                console.MarkupLine($"  {(r.Processed ? "[blue]" : "[red]")}{Markup.Escape(r.Status)}[/]: {Markup.Escape(r.Reason ?? "no reason given")}");
            if (r.MissedObservables.Count > 0)
                console.MarkupLine($"  missed observables ({N(r.MissedObservables.Count)} of {N(r.ExpectedObservables)}): {Markup.Escape(string.Join(", ", r.MissedObservables))}");
            if (r.MissedTechniques.Count > 0)
                console.MarkupLine($"  missed techniques: {Markup.Escape(string.Join(", ", r.MissedTechniques))} (reported: {Markup.Escape(r.ReportedTechniques.Count == 0 ? "none" : string.Join(", ", r.ReportedTechniques))})");
            if (r.SeverityWithinOneStep == false)
                console.MarkupLine($"  severity: ours {Name(r.Severity)} vs reference {Name(r.ReferenceSeverity)} (source severity {Name(r.SourceSeverity)})");
        }
    }

    private static string Cell(int count, bool withinOneStep) =>
        count == 0 ? "[grey]·[/]" : withinOneStep ? N(count) : $"[red]{N(count)}[/]";

    private static string Name(Severity? severity) => severity?.ToWire() ?? "none";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string R(Ratio ratio) => ratio.Value is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"{value:P1} ({ratio.Hits}/{ratio.Total})")
        : "[grey]n/a[/]";
}
