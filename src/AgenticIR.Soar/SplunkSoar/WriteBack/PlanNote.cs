using System.Globalization;
using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>The plan note: each action with target, risk, approval status, justification, rollback, blast radius,
/// deadline and how to answer it from the container.</summary>
internal static class PlanNote
{
    private static readonly MarkdownText Safe = MarkdownText.Plain;

    public static string? Render(InvestigationRecord record, NoteWording? wording = null)
    {
        if (record.Plan is not { } plan) return null;
        wording ??= NoteWording.SplunkSoar;
        var md = new StringBuilder();
        md.AppendLine(NoteMarker.Line(record.Id, NoteKind.Plan));
        var pending = plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending);
        var withSoar = plan.Actions.Count(DelegationEligibility.IsDelegated);
        md.Append(CultureInfo.InvariantCulture, $"## Response plan: {plan.Actions.Count} actions, {pending} awaiting approval · mode ")
            .AppendLine(record.Mode.ToWire()).AppendLine();
        var shadow = record.Mode == PlaybookMode.Shadow;
        if (shadow)
            md.AppendLine("Shadow mode: nothing is dispatched; the plan is recorded for comparison with the playbook. No answer is needed.").AppendLine();
        else if (pending > withSoar)
            md.Append("Answer each pending action with a ").Append(wording.AnswerChannel).AppendLine(" whose first line is `/approve <id>` or `/deny <id> <reason>`.").AppendLine();
        if (!shadow && withSoar > 0)
            md.AppendLine("Actions marked *awaiting soar approval* are answered by the asset's approvers in Splunk SOAR's approval queue, not by comment.").AppendLine();
        md.Append("Estimated containment time: ").AppendLine(Duration(plan.EstimatedContainmentTime)).AppendLine();

        var blast = record.Report?.BlastRadius;
        foreach (var a in plan.Actions)
        {
            md.Append("### ").Append(Safe.Inline(a.ActionId)).Append(" · ").Append(Safe.Inline(a.LogicalAction))
                .Append(" → ").Append(ObservableTypeNames.ToWire(a.Target.Type)).Append(' ').AppendLine(Safe.Inline(a.Target.Value)).AppendLine();
            md.Append("- **Approval:** ").Append(ReportFormat.Wire(a.ApprovalStatus)).Append(" (gate ").Append(ReportFormat.Wire(a.ApprovalClass)).AppendLine(")");
            if (a.ApprovalDeadline is { } deadline && a.ApprovalStatus == ApprovalStatus.Pending)
                md.Append("- **Deadline:** ").AppendLine(ReportFormat.Time(deadline));
            if (a.Answer is { } answer)
            {
                md.Append("- **Answered:** ").Append(ReportFormat.Wire(answer.Decision)).Append(" by ").Append(Safe.Inline(answer.Approver))
                    .Append(" (").Append(Safe.Inline(answer.Tier)).Append(", ").Append(Safe.Inline(answer.Channel)).Append(") at ")
                    .Append(ReportFormat.Time(answer.At)).AppendLine(answer.Reason is null ? "" : ": " + Safe.Inline(answer.Reason));
            }
            if (a.Execution is { } run)
                md.Append("- **Execution:** ").Append(ReportFormat.Wire(run.Status)).AppendLine(run.Message.Length == 0 ? "" : ": " + Safe.Inline(run.Message));
            md.Append("- **Risk:** ").Append(ReportFormat.Wire(a.Risk)).Append(" · phase ").Append(ReportFormat.Wire(a.Kind))
                .Append(" · priority ").AppendLine(a.Priority.ToString(CultureInfo.InvariantCulture));
            md.Append("- **Rollback:** ").AppendLine(Rollback(a));
            md.Append("- **Blast radius:** ").AppendLine(blast is null ? "not assessed yet"
                : string.Create(CultureInfo.InvariantCulture, $"{Safe.Inline(blast.Scope)} ({blast.Assets.Count} hosts, {blast.Users.Count} users, {blast.BusinessServices.Count} services)"));
            md.Append("- **Justification:** ").AppendLine(Safe.Inline(a.Justification));
            if (a.FindingIds.Count > 0) md.Append("- **Findings:** ").AppendLine(Safe.Inline(string.Join(", ", a.FindingIds)));
            if (!shadow && a.ApprovalStatus == ApprovalStatus.Pending && !DelegationEligibility.IsDelegated(a))
                md.Append("- **Answer:** `/approve ").Append(a.ActionId).Append("` or `/deny ").Append(a.ActionId).AppendLine(" <reason>`");
            md.AppendLine();
        }
        if (plan.Notes.Count > 0)
        {
            md.AppendLine("### Not planned").AppendLine();
            foreach (var note in plan.Notes) md.Append("- ").AppendLine(Safe.Inline(note));
        }
        return md.ToString();
    }

    private static string Rollback(ResponseAction a) =>
        a.RollbackAction is { } rollback ? Safe.Inline(rollback)
        : a.Kind == ActionKind.Notification ? "not needed"
        : a.Reversible ? "manual" : "irreversible";

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min") : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}
