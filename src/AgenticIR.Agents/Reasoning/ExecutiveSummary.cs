using System.Globalization;
using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Reasoning;

/// <summary>A plain-language summary for a reader who will not open the technical sections.</summary>
internal static class ExecutiveSummary
{
    public static string Write(InvestigationRecord investigation)
    {
        var alert = investigation.PrimaryAlert;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{alert.Title} ({alert.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
        if (investigation.Alerts.Count > 1) text.Append(CultureInfo.InvariantCulture, $", reported {investigation.Alerts.Count} times");
        text.Append(". ");
        if (investigation.Triage is { } triage)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Triage rated it {triage.Severity.ToWire()} with {triage.Confidence:P0} confidence and routed it {triage.Path.ToString().ToLowerInvariant()}. ");
        }
        if (investigation.Report is { } report) AppendReport(text, report);
        if (investigation.Plan is { } plan) AppendPlan(text, plan);
        return text.ToString().Trim();
    }

    private static void AppendReport(StringBuilder text, InvestigationReport report)
    {
        var bad = report.Findings.Where(f => f.Verdict is Verdict.Malicious).ToList();
        var benign = report.Findings.Count(f => f.Verdict is Verdict.Benign);
        text.Append(CultureInfo.InvariantCulture, $"The investigation ran {report.Steps.Count} checks and reached {report.Confidence:P0} confidence. ");
        if (report.TopFinding is { } top && top.Verdict >= Verdict.Suspicious)
            text.Append(CultureInfo.InvariantCulture, $"Key finding: {top.Title}. ");
        if (bad.Count == 0 && benign > 0) text.Append("The evidence points to benign activity. ");
        else if (bad.Count > 0) text.Append(CultureInfo.InvariantCulture, $"{bad.Count} finding(s) are confirmed malicious. ");
        var radius = report.BlastRadius;
        var parts = new List<string>();
        if (radius.Assets.Count > 0) parts.Add($"{radius.Assets.Count} host(s)" + (radius.Assets.Any(a => a.Criticality is "critical" or "high") ? " including business-critical systems" : ""));
        if (radius.Users.Count > 0) parts.Add($"{radius.Users.Count} user account(s)");
        if (radius.Mailboxes.Count > 0) parts.Add($"{radius.Mailboxes.Count} other mailbox(es)");
        if (parts.Count > 0) text.Append(CultureInfo.InvariantCulture, $"Scope is {radius.Scope}: {string.Join(", ", parts)}. ");
    }

    private static void AppendPlan(StringBuilder text, ResponsePlan plan)
    {
        if (plan.Actions.Count == 0) { text.Append("No response action is proposed."); return; }
        var waiting = plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending);
        text.Append(CultureInfo.InvariantCulture, $"{plan.Actions.Count} response action(s) are planned");
        if (waiting > 0) text.Append(CultureInfo.InvariantCulture, $", {waiting} awaiting human approval");
        if (plan.EstimatedContainmentTime > TimeSpan.Zero) text.Append(CultureInfo.InvariantCulture, $"; estimated containment in {plan.EstimatedContainmentTime.TotalMinutes:0} min");
        text.Append('.');
    }
}
