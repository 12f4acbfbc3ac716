using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The only note of a container whose triaged severity its playbook entry turns <c>off</c>: the agents stand
/// aside, and the note says for which severity and by which rule. Nothing else is written there, nothing is dispatched,
/// and the container's comments and new artifacts are not read.</summary>
internal static class StandAsideNote
{
    /// <summary>True once triage has put the investigation at <c>off</c>.</summary>
    public static bool Applies(InvestigationRecord record) =>
        record.Triage is not null && record.Mode == PlaybookMode.Off;

    public static string? Render(InvestigationRecord record, NoteWording? wording = null)
    {
        if (!Applies(record)) return null;
        wording ??= NoteWording.SplunkSoar;
        var triage = record.Triage!;
        var severity = triage.Severity.ToWire();
        // Entry names are snake_case identifiers from config/playbooks.yaml, never alert text, so a code span shows them as is.
        var entry = record.Playbook?.Playbook is { } name ? $"`{name}`" : "its entry";
        var rule = record.Playbook?.BySeverity.TryGetValue(triage.Severity, out var mode) == true && mode == PlaybookMode.Off
            ? $"`by_severity: {severity}: off`"
            : $"`mode: off` (it has no by_severity rule for {severity})";
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.StandAside));
        md.Append("## Agents stand aside: ").Append(severity).Append(" is off for ").AppendLine(entry).AppendLine();
        md.Append("Triage rated this ").Append(wording.Item).Append(" **").Append(severity).Append("** (confidence ").Append(ReportFormat.Number(triage.Confidence))
            .Append(", source severity ").Append(triage.SourceSeverity?.ToWire() ?? "none given").AppendLine(").");
        md.Append("In config/playbooks.yaml the entry ").Append(entry).Append(" sets ").Append(rule)
            .AppendLine(", so the agents stand aside for this severity.").AppendLine();
        md.Append("Nothing more is written in this ").Append(wording.Item).Append(": no investigation, findings, plan or report; nothing is dispatched; ")
            .Append(wording.Comments).Append(" are not read as approvals and ").Append(wording.NewContent)
            .AppendLine(" are not read. The playbook and the analysts handle it as if the agents were not here.").AppendLine();
        md.Append("To bring the agents in for this severity, change the entry's `by_severity`; that applies to ").Append(wording.Item).AppendLine("s taken from then on.");
        return md.ToString();
    }
}
