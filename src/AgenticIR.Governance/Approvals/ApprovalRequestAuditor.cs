using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Approvals;

/// <summary>Turns every pending action of an investigation into an approval request: a row the timeout monitor finds by
/// deadline, and an <c>approval_request</c> audit record. Idempotent: an action already requested is left alone, so a
/// stage re-run after a crash neither audits twice nor moves the deadline.</summary>
/// <remarks><see cref="GovernanceActionGate"/> calls it for every plan it gates. Call it yourself after anything else
/// returns actions to pending (a breaker hold, a failed dispatch), so they get a deadline too.</remarks>
public sealed class ApprovalRequestAuditor(IApprovalRequestStore requests, IAuditLog audit, IPolicyProvider policy, TimeProvider time) : IApprovalRequestRecorder
{
    /// <inheritdoc />
    public async Task<int> RecordAsync(InvestigationRecord investigation, CancellationToken cancellationToken) =>
        (await RequestAsync(investigation, cancellationToken)).Recorded;

    /// <summary>Like <see cref="RecordAsync"/>, and also gives each pending action's deadline in force (an earlier
    /// request's, when one is still open), so the plan shows the deadline the timeout monitor will apply.</summary>
    internal async Task<(int Recorded, IReadOnlyDictionary<string, DateTimeOffset> Deadlines)> RequestAsync(InvestigationRecord investigation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        var deadlines = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (investigation.Plan is null || investigation.Mode.IsObserveOnly()) return (0, deadlines);
        var current = policy.Current;
        var severity = InvestigationFacts.SeverityOf(investigation);
        var now = time.GetUtcNow();
        var recorded = 0;
        foreach (var action in investigation.Plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending))
        {
            var existing = await requests.GetAsync(investigation.Id, action.ActionId, cancellationToken);
            if (existing is not null && existing.State != ApprovalRequestState.Closed
                && existing.LogicalAction == action.LogicalAction && existing.Target.Equals(action.Target))
            {
                if (existing.Deadline is { } inForce) deadlines[action.ActionId] = inForce;
                continue;
            }

            var request = new ApprovalRequest
            {
                InvestigationId = investigation.Id,
                ActionId = action.ActionId,
                LogicalAction = action.LogicalAction,
                Target = action.Target,
                Severity = severity,
                Gate = action.ApprovalClass,
                Risk = action.Risk,
                Reversible = action.Reversible,
                RequestedAt = now,
                Deadline = action.ApprovalDeadline is { } deadline && deadline > now ? deadline : ApprovalDeadlines.For(current, severity, now),
                RequiredTier = ApproverTiers.Required(current, action.ApprovalClass, severity, 0)?.Name ?? "",
                Version = existing?.Version ?? 0,
            };
            var stored = existing is null
                ? await requests.TryAddAsync(request, cancellationToken)
                : await requests.TryUpdateAsync(request, cancellationToken);
            if (!stored) continue; // another worker recorded it first

            deadlines[action.ActionId] = request.Deadline!.Value;
            await audit.AppendAsync(Entry(investigation, action, request), cancellationToken);
            recorded++;
        }
        return (recorded, deadlines);
    }

    private static AuditEntry Entry(InvestigationRecord investigation, ResponseAction action, ApprovalRequest request) => new()
    {
        AgentName = GovernanceAudit.AgentName,
        ActionType = GovernanceAudit.ApprovalRequest,
        InvestigationId = investigation.Id,
        Target = GovernanceAudit.TargetOf(action.Target),
        Justification = action.Justification,
        ApprovalStatus = GovernanceAudit.StatusName(ApprovalStatus.Pending),
        Outcome = "requested",
        Details = new Dictionary<string, string>
        {
            ["action_id"] = action.ActionId,
            ["logical_action"] = action.LogicalAction,
            ["risk"] = GovernanceAudit.Wire(action.Risk),
            ["gate"] = GovernanceAudit.Wire(action.ApprovalClass),
            ["reversible"] = action.Reversible ? "true" : "false",
            ["severity"] = GovernanceAudit.Wire(request.Severity),
            ["deadline"] = request.Deadline!.Value.ToString("O", CultureInfo.InvariantCulture),
            ["required_tier"] = request.RequiredTier,
        },
    };
}
