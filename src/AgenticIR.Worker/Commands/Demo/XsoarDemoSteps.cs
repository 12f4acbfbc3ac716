using System.Globalization;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Governance.Loop;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Xsoar.Approvals;
using AgenticIR.Soar.Xsoar.Shadow;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Demo;

/// <summary>What <c>demo xsoar</c> shows after intake: the investigations, the write-back, an answer in the war room, the
/// shadow comparison. Plain lines, one fact each.</summary>
internal sealed class XsoarDemoSteps(CommandHost host, XsoarSimulator simulator, IReadOnlyList<string> incidents)
{
    /// <summary>An IR lead the demo adds (the approver tier <c>ir_lead</c> of the shipped policy).</summary>
    public const string Lead = "irlead1";

    /// <summary>A user whose role no approver tier lists.</summary>
    public const string Intern = "intern1";

    private const string SetIncident = "setIncident";

    private static readonly TimeSpan PassInterval = GovernanceLoopInterval();

    private List<InvestigationRecord> _records = [];

    /// <summary>One line per investigated incident; false when none was investigated.</summary>
    public async Task<bool> ShowInvestigationsAsync(CancellationToken cancellationToken)
    {
        _records = await RecordsAsync(cancellationToken);
        foreach (var record in _records)
        {
            var actions = record.Plan?.Actions.Select(a => $"{a.ActionId} {a.LogicalAction} ({Wire(a.ApprovalStatus)})") ?? [];
            AnsiConsole.MarkupLineInterpolated(
                $"incident {record.Source!.ExternalId} investigated: {record.Id}, stage {Wire(record.Stage)}, severity {record.Triage?.Severity.ToString().ToLowerInvariant() ?? "-"}, actions: {string.Join(", ", actions.DefaultIfEmpty("none"))}");
        }
        if (_records.Count == incidents.Count) return true;
        AnsiConsole.MarkupLineInterpolated($"[red]{incidents.Count - _records.Count} of {incidents.Count} incidents were not investigated.[/]");
        return false;
    }

    /// <summary>What the agents wrote into the war rooms.</summary>
    public void ShowWriteBack()
    {
        var written = incidents.Sum(id => simulator.Entries(id).Count(e => (string?)e["user"] == XsoarSimulator.ApiUser));
        AnsiConsole.MarkupLine(written > 0
            ? $"write-back: {written.ToString(CultureInfo.InvariantCulture)} war-room entries written by the agents"
            : "write-back: not part of this build, so no notes were written to XSOAR (the investigation is in the worker: agentic-ir show)");
    }

    /// <summary>Assisted mode: a user without an approver role answers the first pending action, then an IR lead; the
    /// worker reads the war room, and a second pass shows nothing is answered twice.</summary>
    public async Task ApproveInWarRoomAsync(CancellationToken cancellationToken)
    {
        if (_records.SelectMany(r => (r.Plan?.Actions ?? []).Where(a => a.ApprovalStatus == ApprovalStatus.Pending).Select(a => (Record: r, Action: a)))
            .FirstOrDefault() is not { Record: not null } pending)
        {
            AnsiConsole.MarkupLine("No action waits for approval: nothing to answer in the war room.");
            return;
        }
        var incident = pending.Record.Source!.ExternalId;
        var id = pending.Action.ActionId;
        simulator.AddUser(Intern, "In Tern", "Read-Only");
        simulator.AddAnalystEntry(incident, Intern, $"/approve {id}");
        simulator.AddAnalystEntry(incident, Lead, $"/approve {id}");
        AnsiConsole.MarkupLineInterpolated($"war room of incident {incident}: {Intern} (Read-Only) and {Lead} (IR Lead) write /approve {id}");

        var pass = host.Resolve<XsoarGovernancePass>();
        await pass.PassAsync(PassInterval, cancellationToken);
        await host.Resolve<StageRunner>().FlushAsync(cancellationToken);
        foreach (var reply in Replies(incident)) AnsiConsole.MarkupLineInterpolated($"reply: {reply}");

        var after = (await host.Resolve<IStateStore>().GetAsync(pending.Record.Id, cancellationToken))?.Plan?.Actions.Single(a => a.ActionId == id);
        AnsiConsole.MarkupLineInterpolated($"{id} {pending.Action.LogicalAction} is now {Wire(after?.ApprovalStatus ?? ApprovalStatus.Pending)}{(after?.Answer is { } answer ? $" by {answer.Approver} ({answer.Tier}, {answer.Channel})" : "")}");
        ShowExecution(after);
        ShowCommands(incident);

        var replies = Replies(incident).Count;
        var commands = Dispatched(incident).Count;
        // The XSOAR pass reads the war room again; the governance loop's first pass resumes every investigation with an
        // approved action still to run. Neither finds anything left to do.
        await pass.PassAsync(PassInterval, cancellationToken);
        await host.Resolve<GovernanceLoop>().PassAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"second pass: {Replies(incident).Count - replies} new answers (each entry is answered once), {Dispatched(incident).Count - commands} new commands (an action runs once)");
    }

    /// <summary>Autonomous and shadow mode, after intake: what each investigation dispatched and the commands the agents
    /// ran in each war room (in autonomous mode the actions the policy let go without a human, once each; in shadow mode
    /// none), then one more pass of the governance loop, which runs nothing more.</summary>
    public async Task ShowDispatchesAsync(CancellationToken cancellationToken)
    {
        _records = await RecordsAsync(cancellationToken);
        foreach (var record in _records)
        {
            var actions = record.Plan?.Actions ?? [];
            foreach (var action in actions.Where(a => a.Execution is not null)) ShowExecution(action);
            AnsiConsole.MarkupLineInterpolated(
                $"incident {record.Source!.ExternalId}: {actions.Count} actions planned, {actions.Count(a => a.Execution is not null)} dispatched, {actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} wait for a human");
            ShowCommands(record.Source.ExternalId);
        }
        var before = incidents.Sum(i => Dispatched(i).Count);
        // The governance loop's first pass resumes every investigation with an approved action left to run. (The XSOAR
        // pass is left for after the close: its shadow comparison reads an incident at most once a minute.)
        await host.Resolve<GovernanceLoop>().PassAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"second pass: {incidents.Sum(i => Dispatched(i).Count) - before} new commands (an action runs once)");
    }

    private static void ShowExecution(ResponseAction? action)
    {
        if (action?.Execution is not { } run) return;
        AnsiConsole.MarkupLineInterpolated($"{action.ActionId} {action.LogicalAction} on {action.Target.Value}: {Wire(run.Status)} in XSOAR {run.ExternalId} {run.Message}");
    }

    private void ShowCommands(string incident)
    {
        var ran = Dispatched(incident);
        var what = ran.Count > 0 ? string.Join("; ", ran.Select(Describe)) : "none";
        AnsiConsole.MarkupLineInterpolated($"commands run in the war room of incident {incident}: {what}");
    }

    // Integration commands the incident's war room ran, without the agents' own field updates (!setIncident).
    private List<XsoarRecordedCommand> Dispatched(string incident) =>
        [.. simulator.Commands.Where(c => c.IncidentId == incident && c.Command != SetIncident)];

    private static string Describe(XsoarRecordedCommand command) =>
        $"!{command.Command} {string.Join(" ", command.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}=\"{a.Value}\""))} on {command.Instance ?? "no instance"} ({(command.Succeeded ? "succeeded" : "failed")})";

    /// <summary>Shadow and autonomous mode: the playbook disables the malware incident's user, analysts close both
    /// incidents, and the shadow comparison is read back and summarized as <c>shadow report</c> does.</summary>
    public async Task CloseAndCompareAsync(CancellationToken cancellationToken)
    {
        var (phishing, malware) = (incidents[0], incidents[1]);
        simulator.RunCommand(malware, "DBot", "!ad-disable-account username=\"tbrooks\"");
        simulator.CloseIncident(phishing, "True Positive", "Credential phishing; URL blocked at the proxy.", closedBy: "lead1", severity: 2);
        simulator.CloseIncident(malware, "True Positive", "Beacon confirmed; host reimaged.", closedBy: "lead1", severity: 4);
        AnsiConsole.MarkupLine("XSOAR: the playbook ran !ad-disable-account on the malware incident; lead1 closed both incidents as True Positive");

        await host.Resolve<XsoarGovernancePass>().PassAsync(PassInterval, cancellationToken);
        var comparisons = (await host.Resolve<IShadowComparisonStore>().ListSinceAsync(DateTimeOffset.MinValue, cancellationToken))
            .Where(c => XsoarShadowNames.IsXsoar(c.Instance)).ToList();
        foreach (var c in comparisons)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"shadow comparison, incident {c.ContainerId} ({c.ContainerStatus}): severity agents {c.AgentSeverity} / XSOAR {c.ContainerSeverity ?? "-"}; disposition agents {c.AgentDisposition} / analyst {c.AnalystDisposition ?? "-"}; actions agents ({string.Join(", ", c.AgentActions)}) / playbook ({string.Join(", ", c.PlaybookActions)}), overlap {c.ActionOverlap.ToString("0.00", CultureInfo.InvariantCulture)}");
        }
        foreach (var row in ShadowReport.Summarize(comparisons).Where(r => r.Severity == ShadowReport.All))
        {
            AnsiConsole.MarkupLineInterpolated(
                $"shadow report {row.Playbook}: {row.Count} compared, {row.Final} closed, severity agreement {Percent(row.SeverityAgreementPercent)}, disposition agreement {Percent(row.DispositionAgreementPercent)}, mean action overlap {row.MeanActionOverlap.ToString("0.00", CultureInfo.InvariantCulture)}");
        }
        if (comparisons.Count == 0) AnsiConsole.MarkupLine("[red]No shadow comparison was recorded.[/]");
    }

    private async Task<List<InvestigationRecord>> RecordsAsync(CancellationToken cancellationToken) =>
        [.. (await host.Resolve<IStateStore>().ListAsync(100, cancellationToken))
            .Where(r => r.Source is { Platform: "xsoar" } s && incidents.Contains(s.ExternalId))
            .OrderBy(r => incidents.ToList().IndexOf(r.Source!.ExternalId))];

    private List<string> Replies(string incident) => [.. simulator.Entries(incident)
        .Where(e => (string?)e["user"] == XsoarSimulator.ApiUser)
        .Select(e => ((string?)e["contents"] ?? "").Split('\n')[0])
        .Where(t => t.StartsWith("AgenticIR: ", StringComparison.Ordinal))];

    private static string Percent(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " %" : "-";

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static TimeSpan GovernanceLoopInterval() => Sources.GovernanceLoopWorker.Interval;
}
