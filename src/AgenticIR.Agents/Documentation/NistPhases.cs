using System.Globalization;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>Files what each agent produced under the NIST SP 800-61 phases, naming the agent the policy makes
/// responsible (<c>compliance_mappings.nist_800_61</c>).</summary>
internal static class NistPhases
{
    /// <summary>The article's mapping, used when no policy is supplied.</summary>
    public static IReadOnlyDictionary<string, string> DefaultMapping { get; } = new Dictionary<string, string>
    {
        ["detection"] = "triage_agent",
        ["analysis"] = "investigation_agent",
        ["containment"] = "response_orchestrator",
        ["eradication"] = "response_orchestrator",
        ["recovery"] = "response_orchestrator",
        ["post_incident"] = "learning_agent",
    };

    public static IReadOnlyList<NistPhase> Build(InvestigationRecord investigation, string stage, IReadOnlyDictionary<string, string> mapping)
    {
        var detection = new List<string>();
        if (investigation.Triage is { } t)
            detection.Add(Invariant($"Triage result: severity {t.Severity.ToString().ToLowerInvariant()}, confidence {t.Confidence:0.00}, path {t.Path.ToString().ToLowerInvariant()}"));
        if (investigation.Report is { } r)
        {
            detection.Add(Invariant($"Investigation report: {r.Steps.Count} steps, {r.Findings.Count} findings, confidence {r.Confidence:0.00}, stopped by {r.StopReason}"));
            detection.Add($"Evidence chain: {r.EvidenceChain.Count} tool queries");
        }
        detection.Add($"Evidence hashes of {investigation.Alerts.Count} alert(s)");

        var response = new List<string>();
        if (investigation.Plan is { } p)
        {
            response.Add(Invariant($"Response plan: {p.Actions.Count} actions ({Count(p, ActionKind.Containment)} containment, {Count(p, ActionKind.Eradication)} eradication, {Count(p, ActionKind.Recovery)} recovery), estimated containment {p.EstimatedContainmentTime.TotalMinutes:0.#} min"));
            response.Add($"Approvals: {p.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} pending, {p.Actions.Count(a => a.ApprovalStatus is ApprovalStatus.AutoApproved or ApprovalStatus.Approved)} approved");
            response.Add($"Rollback available for {p.Actions.Count(a => a.RollbackAction is not null)} of {p.Actions.Count} actions");
        }

        var post = new List<string> { $"Incident report (stage {stage})" };
        if (investigation.Feedback is { } f)
            post.Add($"Feedback report: {f.Insights.Count} insights, {f.DetectionGaps.Count} detection gaps, {f.Proposals.Count} calibration proposals for review");

        return
        [
            new NistPhase("Detection & Analysis", Agents(mapping, "detection", "analysis"), detection),
            new NistPhase("Containment, Eradication & Recovery", Agents(mapping, "containment", "eradication", "recovery"), response),
            new NistPhase("Post-Incident Activity", Agents(mapping, "post_incident"), post),
        ];
    }

    private static int Count(ResponsePlan plan, ActionKind kind) => plan.Actions.Count(a => a.Kind == kind);

    private static string Agents(IReadOnlyDictionary<string, string> mapping, params string[] phases)
    {
        var agents = phases.Select(p => mapping.TryGetValue(p, out var a) ? a : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return agents.Count > 0 ? string.Join(", ", agents) : "unassigned";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
