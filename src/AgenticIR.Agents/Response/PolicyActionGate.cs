using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Response;

/// <summary>The default action gate: auto-approves the policy's <c>auto_approve</c> actions, in plan order, up to the
/// severity's <c>max_autonomous_actions</c>, and only for an investigation in <c>autonomous</c> mode whose triage chose
/// the autonomous path. Everything else stays <see cref="ApprovalStatus.Pending"/>. In <c>shadow</c> mode the statuses
/// are still computed so the plan can be compared with what happened; dispatching is never this gate's business.</summary>
/// <remarks>The governance issue replaces this gate with one that also applies the global circuit breakers, the kill
/// switch and protected targets; it keeps this gate's rules as its floor.</remarks>
public sealed class PolicyActionGate(IPolicyProvider policy) : IActionGate
{
    /// <summary>The playbook mode in which actions may run without a human.</summary>
    public const string AutonomousMode = "autonomous";

    /// <inheritdoc />
    public Task<ResponsePlan> ApplyAsync(InvestigationRecord investigation, ResponsePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();

        var current = policy.Current;
        var severity = investigation.Triage?.Severity ?? investigation.PrimaryAlert.SourceSeverity ?? Severity.Critical;
        var autonomous = string.Equals(investigation.Mode, AutonomousMode, StringComparison.OrdinalIgnoreCase)
            && investigation.Triage?.Path == InvestigationPath.Autonomous;
        var budget = autonomous && current.Escalation.Thresholds.TryGetValue(severity, out var threshold)
            ? threshold.MaxAutonomousActions : 0;

        var approved = 0;
        var actions = new List<ResponseAction>(plan.Actions.Count);
        foreach (var action in plan.Actions.OrderBy(a => a.Priority))
        {
            // The class is re-read from the policy in force rather than trusted from the plan.
            var auto = approved < budget && current.ApprovalGates.ClassOf(action.LogicalAction) == ApprovalClass.AutoApprove;
            if (auto) approved++;
            actions.Add(action with { ApprovalStatus = auto ? ApprovalStatus.AutoApproved : ApprovalStatus.Pending });
        }
        return Task.FromResult(plan with { Actions = actions });
    }
}
