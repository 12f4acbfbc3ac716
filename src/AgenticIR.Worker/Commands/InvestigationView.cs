using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary>Renders an investigation for a terminal. Everything from the alert is escaped: it is attacker-controlled.</summary>
internal static class InvestigationView
{
    public static void Write(IAnsiConsole console, InvestigationRecord record, IReadOnlyList<StageEvent> events, IReadOnlyList<BusMessage> messages)
    {
        // Markup escaping stops markup injection; control characters (line breaks, terminal escapes) are escaped too.
        static string E(string? text) => Markup.Escape(ControlCharacters.Escape(text));
        static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        console.Write(new Rule($"[bold]{E(record.Id)}[/] · {E(record.Stage.ToString())} · mode {record.Mode.ToWire()} · version {record.Version}"));
        foreach (var alert in record.Alerts)
        {
            console.MarkupLine($"[bold]Alert[/] {E(alert.AlertId)} ({E(alert.SourceFormat)}) {E(alert.Timestamp.ToString("u", CultureInfo.InvariantCulture))}: {E(alert.Title)}");
            console.MarkupLine("  observables: " + E(string.Join(", ", alert.Observables.Select(o => $"{ObservableTypeNames.ToWire(o.Type)}:{o.Value}"))));
        }

        if (record.Triage is { } triage)
        {
            console.MarkupLine($"\n[bold]Triage[/] {E(triage.Severity.ToWire())} · confidence {N(triage.Confidence)} · score {N(triage.Score)} · path {E(triage.Path.ToString().ToLowerInvariant())}");
            var signals = new Table().AddColumns("signal", "weight", "score", "evidence");
            foreach (var s in triage.Signals) signals.AddRow(E(s.Name), N(s.Weight), N(s.Score), E(s.Evidence));
            console.Write(signals);
            console.MarkupLine(E(triage.Reasoning));
            if (triage.SeverityProposal is { } proposal) console.MarkupLine("  severity proposal: " + E(proposal));
            if (triage.EnrichmentHints.Count > 0) console.MarkupLine("  hints: " + E(string.Join("; ", triage.EnrichmentHints)));
        }

        if (record.Report is { } report)
        {
            console.MarkupLine($"\n[bold]Investigation[/] {report.Steps.Count} steps · stopped: {E(report.StopReason.ToString())} · confidence {N(report.Confidence)}");
            var steps = new Table().AddColumns("#", "tool", "query", "why", "result", "conf");
            foreach (var s in report.Steps) steps.AddRow(s.Number.ToString(CultureInfo.InvariantCulture), E(s.Tool), E(s.Query), E(s.Reason), E(s.Result), N(s.Confidence));
            console.Write(steps);
            var findings = new Table().AddColumns("id", "verdict", "conf", "finding", "evidence");
            foreach (var f in report.Findings) findings.AddRow(E(f.Id), E(f.Verdict.ToString()), N(f.Confidence), E(f.Title), E(f.Evidence));
            console.Write(findings);
            console.MarkupLine($"  blast radius: {E(report.BlastRadius.Scope)}; assets {E(string.Join(", ", report.BlastRadius.Assets.Select(a => $"{a.Host} ({a.Criticality})")))}; users {E(string.Join(", ", report.BlastRadius.Users))}");
        }

        if (record.Plan is { } plan)
        {
            console.MarkupLine($"\n[bold]Plan[/] {plan.Actions.Count} actions · containment ≈ {E(plan.EstimatedContainmentTime.ToString())}");
            var actions = new Table().AddColumns("#", "action", "target", "risk", "approval", "rollback", "why");
            foreach (var a in plan.Actions) actions.AddRow(a.Priority.ToString(CultureInfo.InvariantCulture), E(a.LogicalAction), E(a.Target.Value), E(a.Risk.ToString()), E(a.ApprovalStatus.ToString()), E(a.RollbackAction ?? "-"), E(a.Justification));
            console.Write(actions);
            foreach (var note in plan.Notes) console.MarkupLine("  note: " + E(note));
        }

        if (record.Feedback is { } feedback)
            console.MarkupLine($"\n[bold]Learning[/] efficiency {N(feedback.InvestigationEfficiency)}; {feedback.Insights.Count} insights; {feedback.Proposals.Count} proposals queued for review");

        if (record.Incident?.ModelUsage is { } usage)
        {
            console.MarkupLine($"\n[bold]Model[/] {E(usage.Reasoner)} · {usage.Calls} calls · {usage.PromptTokens} prompt + {usage.CompletionTokens} completion tokens · {usage.LatencyMs} ms · {usage.Fallbacks} fallbacks");
            foreach (var note in usage.Notes) console.MarkupLine("  " + E(note));
        }
        if (record.Incident?.ModelWriting is { } writing)
        {
            // The model's words are a proposal no decision reads; shown as escaped text, like the alert's own.
            console.MarkupLine($"\n[bold]Model proposal[/] (model-written by {E(writing.Model)}; not acted on)");
            if (writing.Narrative is { } narrative) console.MarkupLine("  " + E(narrative));
            foreach (var hypothesis in writing.Hypotheses)
                console.MarkupLine($"  hypothesis: {E(hypothesis.Text)} (evidence {E(string.Join(", ", hypothesis.EvidenceIds))})");
        }
        console.MarkupLine("\n[bold]Timeline[/]");
        foreach (var t in record.Timeline.OrderBy(t => t.At)) console.MarkupLine($"  {E(t.At.ToString("u", CultureInfo.InvariantCulture))} [grey]{E(t.Stage)}[/] {E(t.Description)}");
        console.MarkupLine("\n[bold]Saved stages[/] " + E(string.Join(" → ", events.Select(e => $"{e.Stage}@v{e.Version}"))));
        console.MarkupLine("[bold]Messages[/] " + E(string.Join(", ", messages.Select(m => m.Type.ToString()))));
    }
}
