using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Status;

/// <summary><c>agentic-ir status [--json]</c>: inputs by outcome, investigations, consumer lag, workers and their
/// heartbeats, which worker holds which lease, SOAR polling, notifications, kill switches. Exit 0 when healthy, 1 otherwise (a container
/// health check): see <see cref="StatusReader"/> for what counts as unhealthy.</summary>
internal static class StatusCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables" };
        var command = new Command("status", "Show inputs by outcome, investigations, consumer lag, workers, the leases they hold, SOAR polling, notifications and kill switches; exit 1 when unhealthy") { json };
        command.SetAction(async (parse, ct) =>
        {
            var output = console ?? AnsiConsole.Console;
            var report = await StatusReader.ReadAsync(CommandSettings.From(parse), TimeProvider.System, ct);
            if (parse.GetValue(json)) output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, Json));
            else Write(output, report);
            return report.Healthy ? 0 : 1;
        });
        return command;
    }

    private static void Write(IAnsiConsole output, StatusReport report)
    {
        var summary = new Table().AddColumns("", "");
        summary.HideHeaders();
        summary.AddRow("store", report.Store);
        summary.AddRow("inputs", Invariant($"{report.Inputs.Processed} processed, {report.Inputs.Merged} merged, {report.Inputs.DeadLettered} dead-lettered"));
        summary.AddRow("investigations", Invariant($"{report.Investigations.Total} total, {report.Investigations.Unfinished} unfinished, {report.Investigations.AwaitingApproval} awaiting approval"));
        var n = report.Notifications;
        summary.AddRow("notifications", Invariant($"{n.Pending} pending") + (n.OldestPendingAgeSeconds is { } age ? Invariant($" (oldest {Age(age)})") : "")
            + Invariant($", {n.Delivered} delivered, ") + (n.Failed > 0 ? Invariant($"[yellow]{n.Failed} failed[/]") : "0 failed"));
        summary.AddRow("kill switches", report.KillSwitches.Count == 0 ? "none" : Markup.Escape(string.Join(", ", report.KillSwitches.Select(k => $"{k.Scope} by {k.EngagedBy}"))));
        summary.AddRow("health", report.Healthy ? "[green]healthy[/]" : "[red]" + Markup.Escape(string.Join("; ", report.Problems)) + "[/]");
        output.Write(summary);
        if (report.Agents.Count > 0)
        {
            var agents = new Table().AddColumns("agent", "health", "failed stages (5 min)", "since", "why");
            foreach (var a in report.Agents)
            {
                var state = a.State == "healthy" ? "[green]healthy[/]" : "[red]" + Markup.Escape(a.State) + "[/]";
                agents.AddRow(Markup.Escape(a.Agent), state, Invariant($"{a.ErrorsInWindow}"), a.Since is { } since ? Invariant($"{since:u}") : "-", Markup.Escape(a.Reason));
            }
            output.Write(agents);
        }
        if (report.Workers.Count > 0)
        {
            var workers = new Table().AddColumns("worker", "host", "pid", "started", "last seen", "alive");
            foreach (var w in report.Workers)
                workers.AddRow(Markup.Escape(w.Id), Markup.Escape(w.Host), w.Pid.ToString(CultureInfo.InvariantCulture), Invariant($"{w.StartedAt:u}"), Invariant($"{w.LastSeen:u}"), w.Alive ? "yes" : "no");
            output.Write(workers);
        }
        if (report.Leases.Count > 0)
        {
            var leases = new Table().AddColumns("lease", "held by", "renewed", "state");
            foreach (var l in report.Leases)
                leases.AddRow(Markup.Escape(l.Name), Markup.Escape(l.Holder), Invariant($"{l.RenewedAt:u}"), l.Held ? "held" : "free");
            output.Write(leases);
        }
        if (report.ConsumerLag.Count > 0)
        {
            var lag = new Table().AddColumns("topic", "partition", "committed", "high watermark", "lag");
            foreach (var p in report.ConsumerLag)
                lag.AddRow(Markup.Escape(p.Topic), Invariant($"{p.Partition}"), p.Committed?.ToString(CultureInfo.InvariantCulture) ?? "-", Invariant($"{p.HighWatermark}"), Invariant($"{p.Lag}"));
            output.Write(lag);
        }
        if (report.SoarInstances.Count > 0)
        {
            var soar = new Table().AddColumns("SOAR instance", "platform", "polled by", "last poll");
            foreach (var s in report.SoarInstances) soar.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Platform), Markup.Escape(s.PolledBy), Invariant($"{s.LastPoll:u}"));
            output.Write(soar);
        }
    }

    private static string Age(long seconds) =>
        seconds < 120 ? Invariant($"{seconds}s") : seconds < 7200 ? Invariant($"{seconds / 60}m") : seconds < 172800 ? Invariant($"{seconds / 3600}h") : Invariant($"{seconds / 86400}d");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
