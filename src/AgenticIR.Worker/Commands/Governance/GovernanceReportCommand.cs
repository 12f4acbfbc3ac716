using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;
using AgenticIR.Governance.Review;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Governance;

/// <summary><c>agentic-ir governance report --since 24h [--format text|json]</c>: the morning review of every dispatched
/// action with its reasoning chain, the approvals and their latency, refused answers, breaker and kill-switch events.</summary>
internal static class GovernanceReportCommand
{
    public static Command Create() => Create(null);

    /// <summary>The command writing to <paramref name="console"/> (tests), or to the terminal when null.</summary>
    internal static Command Create(IAnsiConsole? console)
    {
        var since = SinceOption.Create("Window", "24h");
        var format = new Option<string>("--format") { Description = "text (tables) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var report = new Command("report", "Every dispatched action since a time with its full reasoning chain, approvals and latency, refused answers, breaker and kill-switch events") { since, format };
        report.SetAction((parse, ct) => RunAsync(parse, console, parse.GetRequiredValue(since), parse.GetRequiredValue(format), ct));
        return new Command("governance", "Governance reviews") { report };
    }

    private static async Task<int> RunAsync(ParseResult parse, IAnsiConsole? console, string sinceText, string format, CancellationToken cancellationToken)
    {
        var output = console ?? AnsiConsole.Console;
        if (console is null && Console.IsOutputRedirected) output.Profile.Width = 240;
        var settings = CommandSettings.From(parse);
        var paths = settings.Paths;
        var time = TimeProvider.System;
        if (!SinceOption.TryRead(sinceText, time, output, out var since)) return 2;
        if (settings.EmbeddedStoreMissing)
        {
            output.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (pass the worker's database with --db)");
            return 2;
        }
        await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken);
        var review = await host.Resolve<GovernanceReport>().BuildAsync(since, cancellationToken);
        // Break-glass gaps come from the latest checks whatever the window: a gap stays until a check finds it closed.
        if (GovernancePolicyLoader.TryLoad(paths.Policy).Policy is { } policy)
            review = review with { BreakGlass = await host.Resolve<BreakGlassReview>().BuildAsync(policy.Migration.BreakGlass, cancellationToken) };
        if (format == "json")
        {
            // Written raw: markup parsing would eat JSON's square brackets.
            output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(review, CoreJson.Indented));
            return 0;
        }
        WriteText(output, review);
        return 0;
    }

    private static void WriteText(IAnsiConsole output, GovernanceReview review)
    {
        output.Write(new Rule($"Governance review {Stamp(review.Since)} → {Stamp(review.Until)}").LeftJustified());
        if (review.Truncated) output.MarkupLine($"[yellow]Only the {GovernanceReport.MaxInvestigations} most recent investigations were read; narrow --since.[/]");

        if (review.Actions.Count == 0)
        {
            output.MarkupLine("No action was dispatched in this window.");
        }
        else
        {
            var table = new Table().Title($"{review.Actions.Count} dispatched action(s)")
                .AddColumns("Investigation", "Playbook / mode", "Action", "Target", "Risk", "Approval", "Outcome");
            foreach (var a in review.Actions)
            {
                table.AddRow(E(a.InvestigationId), E($"{(a.Playbook.Length == 0 ? "-" : a.Playbook)} / {a.Mode}"), E($"{a.ActionId} {a.Action}"), E(a.Target), E(a.Risk),
                    E(ApprovalText(a.Approval)), Outcome(a.Outcome));
            }
            output.Write(table);
            foreach (var a in review.Actions) WriteChain(output, a);
        }

        var l = review.Approvals;
        output.MarkupLine($"[bold]Approvals[/]: {l.Answered} answered by people ({l.Approved} approved, {l.Denied} denied), {l.TimedOut} settled by a timeout rule; "
            + $"latency plan→answer median {Seconds(l.MedianSeconds)}, p90 {Seconds(l.P90Seconds)}, max {Seconds(l.MaxSeconds)}");
        WriteEvents(output, "Refused answers", review.RefusedAnswers);
        WriteEvents(output, "Circuit breakers and holds", review.BreakerEvents);

        if (review.KillSwitches.Count == 0)
        {
            output.MarkupLine("[bold]Kill switches[/]: none engaged or released in this window.");
        }
        else
        {
            var table = new Table().Title("Kill switches").AddColumns("Scope", "Engaged by", "At", "Reason", "Released by", "At");
            foreach (var k in review.KillSwitches)
                table.AddRow(E(k.Scope), E(k.EngagedBy), Stamp(k.EngagedAt), E(k.Reason), k.ReleasedBy is null ? "[red]still engaged[/]" : E(k.ReleasedBy), k.ReleasedAt is { } r ? Stamp(r) : "");
            output.Write(table);
        }
        WriteEvents(output, "Policy changes", review.PolicyEvents);
        WriteVersions(output, review.PolicyVersions);
        WriteBreakGlass(output, review.BreakGlass);
    }

    /// <summary>Policy versions put in force in the window, each with its kind: a policy edit, a calibration, a playbook
    /// promotion or onboarding.</summary>
    private static void WriteVersions(IAnsiConsole output, IReadOnlyList<PolicyVersion> versions)
    {
        if (versions.Count == 0)
        {
            output.MarkupLine("[bold]Policy versions[/]: none put in force in this window.");
            return;
        }
        var table = new Table().Title($"{versions.Count} policy version(s)").AddColumns("Version", "Kind", "In force since", "File", "Accepted by");
        foreach (var v in versions)
            table.AddRow(v.Version.ToString(CultureInfo.InvariantCulture), E(v.Kind), Stamp(v.LoadedAt), E(v.SourceFile), E(v.AcceptedBy));
        output.Write(table);
    }

    private static void WriteBreakGlass(IAnsiConsole output, IReadOnlyList<BreakGlassStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            output.MarkupLine("[bold]Break glass[/]: the policy lists no critical capability.");
            return;
        }
        var gaps = statuses.Count(s => !s.Ready);
        var table = new Table().Title(gaps == 0 ? "Break glass: every critical capability has a tested manual fallback" : $"Break glass: {gaps} gap(s)")
            .AddColumns("Capability", "Fallback playbook", "Instance", "Checked", "Status");
        foreach (var s in statuses)
            table.AddRow(E(s.Capability), E(s.Playbook), E(s.Instance), s.CheckedAt is { } at ? Stamp(at) : "never", s.Ready ? "[green]ready[/]" : $"[red]gap: {E(s.Gap)}[/]");
        output.Write(table);
    }

    private static void WriteChain(IAnsiConsole output, ReviewedAction a)
    {
        var tree = new Tree($"[bold]{E(a.InvestigationId)} {E(a.ActionId)} {E(a.Action)}[/] on {E(a.Target)}");
        if (a.Triage is { } t)
        {
            var triage = tree.AddNode(E(string.Create(CultureInfo.InvariantCulture,
                $"Triage: {t.Severity}, confidence {t.Confidence:0.00}, score {t.Score:0.00}, path {t.Path} — {t.Reasoning}")));
            foreach (var signal in t.Signals) triage.AddNode(E(signal));
        }
        var findings = tree.AddNode(a.Findings.Count == 0 ? "Findings: none cited" : "Findings it rests on");
        foreach (var f in a.Findings)
        {
            var node = findings.AddNode(E(string.Create(CultureInfo.InvariantCulture, $"{f.Id} {f.Title} ({f.Verdict}, {f.Confidence:0.00}) — {f.Evidence}")));
            if (f.Step.Length > 0) node.AddNode(E("step " + f.Step));
        }
        tree.AddNode(E("Justification: " + a.Justification));
        tree.AddNode(E($"Approval: {ApprovalText(a.Approval)}"));
        tree.AddNode(E($"Outcome: {a.Outcome}{(a.OutcomeMessage.Length == 0 ? "" : " — " + a.OutcomeMessage)}"));
        output.Write(tree);
    }

    private static void WriteEvents(IAnsiConsole output, string title, IReadOnlyList<ReviewEvent> events)
    {
        if (events.Count == 0)
        {
            output.MarkupLine($"[bold]{title}[/]: none.");
            return;
        }
        var table = new Table().Title(title).AddColumns("At", "Type", "Investigation", "Target", "Who", "Outcome", "Reason");
        foreach (var e in events) table.AddRow(Stamp(e.At), E(e.Type), E(e.InvestigationId ?? ""), E(e.Target), E(e.Who), E(e.Outcome), E(e.Reason));
        output.Write(table);
    }

    private static string ApprovalText(ReviewApproval a) => a.Mode switch
    {
        "auto" => "auto (policy gate)",
        _ => $"{a.Mode}: {a.Approver}{(a.Tier.Length == 0 ? "" : " as " + a.Tier)} via {a.Channel}, after {Seconds(a.LatencySeconds)}",
    };

    private static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => "[green]succeeded[/]",
        "failed" => "[red]failed[/]",
        "held" => "[yellow]held[/]",
        _ => E(outcome),
    };

    private static string Seconds(double? seconds) => seconds is not { } s ? "n/a"
        : s < 120 ? string.Create(CultureInfo.InvariantCulture, $"{s:0}s")
        : s < 7200 ? string.Create(CultureInfo.InvariantCulture, $"{s / 60:0.#}m")
        : string.Create(CultureInfo.InvariantCulture, $"{s / 3600:0.#}h");

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string E(string text) => Markup.Escape(text);
}
