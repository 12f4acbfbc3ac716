using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Governance.Approvals;

/// <summary>Sets each planned action's initial approval status from the policy in force: its gate, the investigation's
/// mode, the severity's <c>max_autonomous_actions</c> and the protected targets; and gives every pending action a deadline.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>autonomous</b> (with triage on the autonomous path): <c>auto_approve</c> actions run without a human, in plan
/// order, up to <c>max_autonomous_actions</c>; the rest wait.</item>
/// <item><b>assisted</b> (or autonomous mode on an assisted path): only read-only enrichment with an <c>auto_approve</c>
/// gate runs without a human, within the same limit; every other action waits.</item>
/// <item><b>shadow</b>: decided as autonomous would, so the plan can be compared with what happened; nothing is dispatched
/// and nobody is asked.</item>
/// <item>An action on a protected target is never auto-approved: it waits, with a note saying which rule protects it.</item>
/// </list>
/// Dispatch-time controls (kill switch, breakers) are <see cref="IDispatchGuard"/>'s business, not this gate's.
/// </remarks>
public sealed class GovernanceActionGate(IPolicyProvider policy, TimeProvider time, ApprovalRequestAuditor? requests = null) : IActionGate
{
    /// <inheritdoc />
    public async Task<ResponsePlan> ApplyAsync(InvestigationRecord investigation, ResponsePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();

        var current = policy.Current;
        var severity = InvestigationFacts.SeverityOf(investigation);
        var autonomy = AutonomyOf(investigation);
        var budget = autonomy == Autonomy.None ? 0
            : current.Escalation.Thresholds.TryGetValue(severity, out var threshold) ? threshold.MaxAutonomousActions : 0;
        var now = time.GetUtcNow();
        var deadline = ApprovalDeadlines.For(current, severity, now);

        var approved = 0;
        var notes = new List<string>(plan.Notes);
        var actions = new List<ResponseAction>(plan.Actions.Count);
        foreach (var action in plan.Actions.OrderBy(a => a.Priority))
        {
            // The gate is re-read from the policy in force rather than trusted from the plan.
            var gate = current.ApprovalGates.ClassOf(action.LogicalAction);
            var eligible = gate == ApprovalClass.AutoApprove
                && (autonomy == Autonomy.Full || (autonomy == Autonomy.EnrichmentOnly && action.Kind == ActionKind.Enrichment));
            var auto = false;
            if (eligible && ProtectedTargetMatcher.Match(current.ProtectedTargets, action.Target) is { } rule)
                notes.Add($"{InvestigationFacts.Describe(action)} waits for a human: the target is protected ({rule}).");
            else if (eligible && approved >= budget)
                notes.Add($"{InvestigationFacts.Describe(action)} waits for a human: max_autonomous_actions for {severity.ToWire()} severity is {budget}.");
            else auto = eligible;

            if (auto) approved++;
            actions.Add(action with
            {
                ApprovalClass = gate,
                ApprovalStatus = auto ? ApprovalStatus.AutoApproved : ApprovalStatus.Pending,
                ApprovalDeadline = auto ? null : deadline,
            });
        }

        var gated = plan with { Actions = actions, Notes = notes.Distinct(StringComparer.Ordinal).ToList() };
        if (requests is null) return gated;
        var (_, deadlines) = await requests.RequestAsync(investigation with { Plan = gated }, cancellationToken);
        return gated with
        {
            Actions = [.. actions.Select(a => deadlines.TryGetValue(a.ActionId, out var d) ? a with { ApprovalDeadline = d } : a)],
        };
    }

    private static Autonomy AutonomyOf(InvestigationRecord investigation)
    {
        if (investigation.Triage?.Path == InvestigationPath.Manual) return Autonomy.None;
        var autonomousPath = investigation.Triage?.Path == InvestigationPath.Autonomous;
        if (investigation.Mode is PlaybookMode.Autonomous or PlaybookMode.Shadow)
            return autonomousPath ? Autonomy.Full : Autonomy.EnrichmentOnly;
        // Assisted means what config/playbooks.yaml promises the admin: every action waits for an analyst.
        return Autonomy.None;
    }

    private enum Autonomy
    {
        None,
        EnrichmentOnly,
        Full,
    }
}
