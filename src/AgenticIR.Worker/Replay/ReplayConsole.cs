using System.Globalization;
using AgenticIR.Core.Security;
using Spectre.Console;

namespace AgenticIR.Worker.Replay;

/// <summary>Prints one line per input as it completes, with a progress bar on a terminal and plain lines when redirected.</summary>
internal sealed class ReplayConsole(IAnsiConsole console, bool quiet) : IReplayObserver
{
    private readonly Lock _gate = new();
    private ProgressTask? _task;

    public bool Interactive => console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    public void Attach(ProgressTask task) => _task = task;

    public void Started(long totalBytes)
    {
        if (_task is not null) _task.MaxValue = Math.Max(1, totalBytes);
    }

    public void Completed(ReplayLine line, long inputBytes)
    {
        lock (_gate)
        {
            _task?.Increment(inputBytes);
            if (!quiet) console.MarkupLine(Format(line));
        }
    }

    private static string Format(ReplayLine line)
    {
        var input = Text(line.Input);
        return line.Status switch
        {
            "dead_lettered" => $"[red]✗ dead-letter[/] {input}: {Text(line.Reason ?? "")}",
            "merged" => $"[blue]⇢ merged[/]      {input} → {line.InvestigationId} ({Text(line.Reason ?? "")})",
            _ => $"{SeverityMarkup(line.Severity)} {input} · {SourceSeverity(line)}{line.Path ?? "-"} · {line.Confidence?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"} · {Text(line.TopFinding ?? "no finding")}",
        };
    }

    // File names, reasons and findings quote alert content: one input stays one line, and no escape sequence reaches the terminal.
    private static string Text(string text) => Markup.Escape(ControlCharacters.Escape(text));

    // The source's own level beside ours, and only when they differ the reason, so an analyst sees at a glance why a
    // vendor's high came out otherwise.
    private static string SourceSeverity(ReplayLine line) => line.SourceSeverity is null ? ""
        : line.SourceSeverity == line.Severity ? $"source {line.SourceSeverity} · "
        : $"source {line.SourceSeverity} ({Text(line.SeverityNote ?? "differs")}) · ";

    private static string SeverityMarkup(string? severity) => severity switch
    {
        "critical" => "[white on red] CRITICAL [/]",
        "high" => "[red]  HIGH    [/]",
        "medium" => "[yellow]  MEDIUM  [/]",
        "low" => "[green]  LOW     [/]",
        "informational" => "[grey]  INFO    [/]",
        _ => "[grey]  ?       [/]",
    };
}
