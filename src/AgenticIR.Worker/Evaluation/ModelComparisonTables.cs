using System.Globalization;
using Spectre.Console;

namespace AgenticIR.Worker.Evaluation;

/// <summary>The deterministic and the model run of one corpus side by side, and what the model cost per alert.</summary>
internal static class ModelComparisonTables
{
    public static void Write(IAnsiConsole console, EvaluationReport rules, EvaluationReport model)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Deterministic vs model");
        table.AddColumn("Figure");
        table.AddColumn(new TableColumn("Deterministic").RightAligned());
        table.AddColumn(new TableColumn("Model").RightAligned());
        table.AddRow("records", N(rules.Overall.Records), N(model.Overall.Records));
        table.AddRow("processed share", R(rules.Overall.Processed), R(model.Overall.Processed));
        table.AddRow("observable recall", R(rules.Overall.ObservableRecall), R(model.Overall.ObservableRecall));
        table.AddRow("ATT&CK recall (parent techniques)", R(rules.Overall.AttackRecall), R(model.Overall.AttackRecall));
        table.AddRow("severity within one step", R(rules.Overall.SeverityWithinOneStep), R(model.Overall.SeverityWithinOneStep));
        table.AddRow("severity exact", R(Exact(rules)), R(Exact(model)));
        table.AddRow("elapsed", S(rules.ElapsedSeconds), S(model.ElapsedSeconds));
        var used = model.Records.Where(r => r.Model is not null).ToList();
        if (used.Count > 0)
        {
            table.AddRow("model calls per alert", "", D(used.Average(r => r.Model!.Calls)));
            table.AddRow("tokens per alert (prompt + completion)", "", D(used.Average(r => r.Model!.PromptTokens + r.Model.CompletionTokens)));
            table.AddRow("fallbacks per alert", "", D(used.Average(r => r.Model!.Fallbacks)));
        }
        console.Write(table);

        var perAlert = new Table().Border(TableBorder.Rounded).Title("Model cost per alert");
        perAlert.AddColumn("Id");
        foreach (var column in new[] { "Severity (rules)", "Severity (model)", "Calls", "Prompt tok", "Completion tok", "Fallbacks" }) perAlert.AddColumn(new TableColumn(column).RightAligned());
        var bySame = rules.Records.ToDictionary(r => (r.Line, r.Id));
        foreach (var r in model.Records)
        {
            var before = bySame.GetValueOrDefault((r.Line, r.Id));
            perAlert.AddRow(Markup.Escape(r.Id), Markup.Escape(before?.Severity?.ToString() ?? "-"), Markup.Escape(r.Severity?.ToString() ?? "-"),
                N(r.Model?.Calls ?? 0), N(r.Model?.PromptTokens ?? 0), N(r.Model?.CompletionTokens ?? 0), N(r.Model?.Fallbacks ?? 0));
        }
        console.Write(perAlert);
    }

    private static Ratio Exact(EvaluationReport report) => report.Records
        .Where(r => r.ReferenceSeverity is not null && r.Severity is not null)
        .Aggregate(new Ratio(0, 0), (sum, r) => sum + new Ratio(r.Severity == r.ReferenceSeverity ? 1 : 0, 1));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(double d) => d.ToString("0.0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("0.00 s", CultureInfo.InvariantCulture);

    private static string R(Ratio r) => r.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:P1} ({r.Hits}/{r.Total})") : "-";
}
