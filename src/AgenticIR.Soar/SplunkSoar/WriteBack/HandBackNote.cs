using System.Text;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The note of a container the agents handed back to its playbook part-way (an agent's kill switch, its open
/// breaker, or an entry whose capabilities end before the next stage): what the agents did so far stays in the earlier
/// notes; this one says they stand aside from here on, and why.</summary>
internal static class HandBackNote
{
    private static readonly MarkdownText Safe = MarkdownText.Plain;

    public static string? Render(InvestigationRecord record, NoteWording? wording = null)
    {
        if (record.StoodAside is not { } aside) return null;
        wording ??= NoteWording.SplunkSoar;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.StandAside));
        md.Append("## Agents stand aside: ").AppendLine(Headline(aside)).AppendLine();
        // The reason may quote an operator's kill-switch text: shown as plain text, never as markdown.
        md.Append("**Why:** ").AppendLine(Safe.Inline(aside.Reason)).AppendLine();
        md.Append("The agents stopped before ").Append(Next(aside.AtStage)).Append(" (at ")
            .Append(ReportFormat.Time(aside.At)).Append("). Nothing more is written in this ").Append(wording.Item)
            .Append(" and nothing is dispatched for it; the playbook and the analysts handle it from here, as if the agents were not here.")
            .AppendLine().AppendLine();
        md.AppendLine(aside.Cause switch
        {
            AgentsStoodAside.CapabilitiesCause => "To let the agents go further, add the next capability to the entry in config/playbooks.yaml; that applies to " + wording.Item + "s taken from then on.",
            "kill_switch" => "Once the kill switch is released, the agents work on " + wording.Item + "s taken from then on; this one stays with the playbook.",
            _ => "The health loop probes the agent again after its cooldown; once healthy it works on " + wording.Item + "s taken from then on; this one stays with the playbook.",
        });
        return md.ToString();
    }

    private static string Headline(AgentsStoodAside aside) => aside.Cause switch
    {
        AgentsStoodAside.CapabilitiesCause => "this playbook entry enables fewer stages",
        "kill_switch" => $"the {aside.Agent} is stopped by a kill switch",
        _ => $"the {aside.Agent} is unhealthy (breaker open)",
    };

    private static string Next(InvestigationStage stage) => stage switch
    {
        InvestigationStage.Received => "triage",
        InvestigationStage.Triaged or InvestigationStage.Investigating => "the investigation",
        InvestigationStage.Investigated or InvestigationStage.Planned or InvestigationStage.Responding => "the response",
        _ => "documentation and learning",
    };
}
