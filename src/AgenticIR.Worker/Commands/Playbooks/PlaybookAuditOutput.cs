using System.Globalization;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Security;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Splunk.Events;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary>The audit as a table for people, or JSON / CSV with the issue's field names for spreadsheets.</summary>
internal static class PlaybookAuditOutput
{
    public static readonly string[] CsvColumns =
    [
        "playbook", "platform", "instance", "active", "runs", "failed_runs", "runs_per_month", "success_rate", "last_run", "median_duration_seconds",
        "actions", "covered_actions", "uncovered_actions", "recommendation", "reasons",
    ];

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Table(IAnsiConsole console, IReadOnlyList<PlaybookAuditRow> rows, DateTimeOffset since, DateTimeOffset now, PlaybookAuditRules rules)
    {
        console.MarkupLine(Invariant($"Playbook audit [bold]{since:yyyy-MM-dd} → {now:yyyy-MM-dd}[/] ({(now - since).TotalDays:0.#} days). Retire below {rules.RetireBelowRunsPerMonth:0.##} runs a month or {rules.RetireBelowSuccessRate * 100:0.#}% success; keep up to {rules.KeepMaxActions} fixed actions without enrichment; convert from {rules.ConvertMinEnrichmentApps} enrichment apps or varying actions."));
        if (rows.Count == 0)
        {
            console.MarkupLine("[yellow]No playbook on the SOAR.[/]");
            return;
        }
        var table = new Table().AddColumns("Playbook", "Instance", "Active", "Runs", "Failed", "Success", "Last run", "Median", "Actions", "Agents", "Recommendation", "Why");
        foreach (var r in rows)
        {
            table.AddRow(
                E(r.Playbook), E(r.Instance), r.Active ? "yes" : "[grey]no[/]", Num(r.Runs), r.FailedRuns == 0 ? "0" : $"[red]{Num(r.FailedRuns)}[/]",
                r.SuccessRate is { } rate ? Invariant($"{rate * 100:0}%") : "–",
                r.LastRun is { } last ? last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never",
                r.MedianDurationSeconds is { } s ? Invariant($"{s:0}s") : "–",
                E(string.Join(", ", r.Actions)),
                r.Actions.Count == 0 ? "–" : E($"{r.Coverage}{(r.UncoveredActions.Count == 0 ? "" : " (not: " + string.Join(", ", r.UncoveredActions) + ")")}"),
                r.Recommendation switch
                {
                    PlaybookRecommendation.Retire => "[red]retire[/]",
                    PlaybookRecommendation.Convert => "[green]convert[/]",
                    _ => "keep",
                },
                E(string.Join("; ", r.Reasons)));
        }
        console.Write(table);
        console.MarkupLine(Invariant($"{rows.Count(r => r.Recommendation == PlaybookRecommendation.Convert)} to convert, {rows.Count(r => r.Recommendation == PlaybookRecommendation.Keep)} to keep, {rows.Count(r => r.Recommendation == PlaybookRecommendation.Retire)} to retire. Next: agentic-ir playbooks onboard <playbook> --mode shadow."));
    }

    public static string Json(IReadOnlyList<PlaybookAuditRow> rows, DateTimeOffset since, DateTimeOffset now) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["since"] = since,
        ["until"] = now,
        ["playbooks"] = rows.Select(r => new Dictionary<string, object?>
        {
            ["playbook"] = r.Playbook,
            ["platform"] = r.Platform,
            ["instance"] = r.Instance,
            ["active"] = r.Active,
            ["runs"] = r.Runs,
            ["failed_runs"] = r.FailedRuns,
            ["runs_per_month"] = Math.Round(r.RunsPerMonth, 3),
            ["success_rate"] = r.SuccessRate is { } rate ? Math.Round(rate, 4) : null,
            ["last_run"] = r.LastRun,
            ["median_duration_seconds"] = r.MedianDurationSeconds is { } s ? Math.Round(s, 1) : null,
            ["actions"] = r.Actions,
            ["agent_coverage"] = new Dictionary<string, object> { ["covered"] = r.CoveredActions, ["uncovered"] = r.UncoveredActions },
            ["recommendation"] = Wire(r.Recommendation),
            ["reasons"] = r.Reasons,
        }).ToList(),
    }, Options);

    public static string Csv(IReadOnlyList<PlaybookAuditRow> rows)
    {
        var text = new StringBuilder(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Playbook, r.Platform, r.Instance, r.Active ? "true" : "false", Num(r.Runs), Num(r.FailedRuns), Invariant($"{r.RunsPerMonth:0.###}"),
                r.SuccessRate is { } rate ? Invariant($"{rate:0.####}") : "", r.LastRun?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                r.MedianDurationSeconds is { } s ? Invariant($"{s:0.#}") : "", string.Join(';', r.Actions), string.Join(';', r.CoveredActions),
                string.Join(';', r.UncoveredActions), Wire(r.Recommendation), string.Join("; ", r.Reasons),
            ];
            text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }
        return text.ToString();
    }

    public static PlaybookAuditMetrics Metrics(PlaybookAuditRow r, DateTimeOffset now) => new()
    {
        Playbook = r.Playbook,
        Platform = r.Platform,
        Instance = r.Instance,
        Active = r.Active,
        Runs = r.Runs,
        FailedRuns = r.FailedRuns,
        RunsPerMonth = Math.Round(r.RunsPerMonth, 3),
        SuccessRate = r.SuccessRate is { } rate ? Math.Round(rate, 4) : null,
        LastRun = r.LastRun?.ToString("O", CultureInfo.InvariantCulture),
        MedianDurationSeconds = r.MedianDurationSeconds is { } s ? Math.Round(s, 1) : null,
        Actions = r.Actions,
        CoveredActions = r.CoveredActions,
        UncoveredActions = r.UncoveredActions,
        Recommendation = Wire(r.Recommendation),
        Reasons = r.Reasons,
        Time = now,
    };

    public static string Wire(PlaybookRecommendation recommendation) => recommendation.ToString().ToLowerInvariant();

    // Names come from the SOAR: a leading formula character is neutralised so a spreadsheet shows it as text.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => Markup.Escape(ControlCharacters.Escape(text));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
