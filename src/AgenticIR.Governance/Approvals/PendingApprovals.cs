using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;

namespace AgenticIR.Governance.Approvals;

/// <summary>Lists every action waiting for a human. The plans are the truth; the request rows add deadlines and escalations.</summary>
public sealed class PendingApprovals(IStateStore store, IApprovalRequestStore requests, IPolicyProvider policy)
{
    /// <summary>Pending actions of unfinished investigations outside shadow and off mode, earliest deadline first (held and undated ones last).</summary>
    public async Task<IReadOnlyList<PendingApproval>> ListAsync(CancellationToken cancellationToken)
    {
        var current = policy.Current;
        var result = new List<PendingApproval>();
        foreach (var id in await store.ListUnfinishedAsync(cancellationToken))
        {
            if (await store.GetAsync(id, cancellationToken) is not { Plan: not null } record || record.Mode.IsObserveOnly()) continue;
            foreach (var action in record.Plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending))
            {
                var request = await requests.GetAsync(record.Id, action.ActionId, cancellationToken);
                var open = request is { State: not ApprovalRequestState.Closed } ? request : null;
                var severity = open?.Severity ?? InvestigationFacts.SeverityOf(record);
                // Handed to the SOAR's asset approvers: their approval queue and its deadline govern, not the policy's tiers.
                if (DelegationEligibility.IsDelegated(action))
                {
                    result.Add(new PendingApproval(record.Id, action.ActionId, action.LogicalAction, action.Target, action.Risk, action.ApprovalClass,
                        null, $"splunk_soar asset approvers (action_run {action.Execution!.ExternalId})", false));
                    continue;
                }
                var tier = ApproverTiers.Required(current, action.ApprovalClass, severity, open?.EscalationLevel ?? 0)?.Name ?? "";
                result.Add(new PendingApproval(record.Id, action.ActionId, action.LogicalAction, action.Target, action.Risk, action.ApprovalClass,
                    open is null ? action.ApprovalDeadline : open.Deadline, tier, open?.State == ApprovalRequestState.Held));
            }
        }
        // OrderBy is stable: within one deadline, investigations stay oldest first and actions in plan order.
        return [.. result.OrderBy(p => p.Deadline is null).ThenBy(p => p.Deadline)];
    }
}
