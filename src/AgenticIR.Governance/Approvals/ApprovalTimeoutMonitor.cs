using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Notifications;

namespace AgenticIR.Governance.Approvals;

/// <summary>Applies the policy's <c>timeout_behavior</c> to approval requests whose deadline passed. The host calls
/// <see cref="ProcessDueAsync"/> periodically; several workers may do so at once (each request is claimed by version).</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>escalate_to_next_tier</c>: the next entry of the severity's <c>escalation_targets</c> is notified and becomes
/// the lowest tier that may answer; the new deadline is <c>escalation_timeout_minutes</c> away. Past the last target the
/// request is held and the last target told so.</item>
/// <item><c>hold_and_notify</c>: the request stays pending without a deadline; the first escalation target is told once.</item>
/// <item><c>auto_approve_reversible</c>: a reversible action is approved by the policy (approver <c>policy</c>, channel
/// <c>timeout</c>); an irreversible one, one needing senior approval, or one on a protected target times out instead.</item>
/// </list>
/// Every step is audited as <c>approval_timeout</c>.
/// </remarks>
public sealed class ApprovalTimeoutMonitor(
    IStateStore store,
    IApprovalRequestStore requests,
    IAuditLog audit,
    IGovernanceNotifier notifier,
    IPolicyProvider policy,
    IInvestigationContinuation continuation,
    IMessageBus bus,
    TimeProvider time,
    INotificationSink? notifications = null)
{
    /// <summary>Requests handled per call, so one call stays short under a backlog.</summary>
    public const int BatchSize = 100;

    /// <summary>The approver name on answers a timeout rule gives.</summary>
    public const string PolicyApprover = "policy";

    /// <summary>The channel name on answers a timeout rule gives.</summary>
    public const string TimeoutChannel = "timeout";

    private const int MaxConflictRetries = 5;

    /// <summary>Handles every request due now; returns how many it acted on.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handled = 0;
        foreach (var request in await requests.ListDueAsync(now, BatchSize, cancellationToken))
        {
            if (await ProcessAsync(request, now, cancellationToken)) handled++;
        }
        return handled;
    }

    private async Task<bool> ProcessAsync(ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(request.InvestigationId, cancellationToken);
        var action = record is null ? null : InvestigationFacts.FindAction(record, request.ActionId);
        if (record is null || action is null || action.ApprovalStatus != ApprovalStatus.Pending || DelegationEligibility.IsDelegated(action))
        {
            // Answered (or re-planned) without the row being closed, e.g. a crash in between: nothing left to time out.
            await requests.CloseAsync(request.InvestigationId, request.ActionId, cancellationToken);
            return false;
        }

        var current = policy.Current;
        var behavior = current.TimeoutBehavior.TryGetValue(request.Severity, out var b) ? b : TimeoutBehaviors.HoldAndNotify;
        return behavior switch
        {
            TimeoutBehaviors.EscalateToNextTier => await EscalateAsync(current, request, now, cancellationToken),
            TimeoutBehaviors.AutoApproveReversible => await SettleAsync(current, request, now, cancellationToken),
            _ => await HoldAsync(current, request, FirstTarget(current, request), "hold_and_notify", cancellationToken),
        };
    }

    private async Task<bool> EscalateAsync(GovernancePolicy current, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = current.Escalation.For(request.Severity);
        var targets = threshold.EscalationTargets;
        var level = request.EscalationLevel + 1;
        if (level > targets.Count)
            return await HoldAsync(current, request, targets.Count > 0 ? targets[^1] : "", "escalation_exhausted", cancellationToken);

        var target = targets[level - 1];
        var required = ApproverTiers.Required(current, request.Gate, request.Severity, level);
        var escalated = request with
        {
            EscalationLevel = level,
            RequiredTier = required?.Name ?? target,
            Deadline = now.AddMinutes(threshold.EscalationTimeoutMinutes),
        };
        if (!await requests.TryUpdateAsync(escalated, cancellationToken)) return false;

        var what = Describe(request);
        var subject = $"Approval escalated to {target}: {what}";
        var body = $"No answer to {what} (risk {GovernanceAudit.Wire(request.Risk)}, gate {GovernanceAudit.Wire(request.Gate)}) by {Time(request.Deadline)}. "
            + $"Answer by {Time(escalated.Deadline)}; {escalated.RequiredTier} or above may answer.";
        await notifier.NotifyAsync(target, subject, body, cancellationToken);
        if (notifications is not null)
            await notifications.RaiseAsync(GovernanceNotifications.Escalation(request.InvestigationId, request.ActionId, level, subject, body, now), cancellationToken);
        await AuditAsync(request, "escalated", $"No answer by {Time(request.Deadline)}; escalated to {target}.", cancellationToken,
            ("escalation_level", level.ToString(CultureInfo.InvariantCulture)), ("notified", target),
            ("required_tier", escalated.RequiredTier), ("deadline", Time(escalated.Deadline)));
        return true;
    }

    private async Task<bool> HoldAsync(GovernancePolicy current, ApprovalRequest request, string target, string why, CancellationToken cancellationToken)
    {
        if (!await requests.TryUpdateAsync(request with { State = ApprovalRequestState.Held, Deadline = null }, cancellationToken)) return false;

        var what = Describe(request);
        var reason = why == "escalation_exhausted"
            ? $"No answer by {Time(request.Deadline)} after escalating to every target; held until someone answers."
            : $"No answer by {Time(request.Deadline)}; held until someone answers.";
        var body = $"{reason} Risk {GovernanceAudit.Wire(request.Risk)}, gate {GovernanceAudit.Wire(request.Gate)}.";
        if (target.Length > 0)
            await notifier.NotifyAsync(target, $"Approval waiting: {what}", body, cancellationToken);
        if (notifications is not null)
            await notifications.RaiseAsync(GovernanceNotifications.ApprovalTimeout(request.InvestigationId, request.ActionId, "held",
                $"Approval waiting: {what}", body, time.GetUtcNow()), cancellationToken);
        await AuditAsync(request, "held", reason, cancellationToken, ("notified", target), ("rule", why),
            ("required_tier", ApproverTiers.Required(current, request.Gate, request.Severity, request.EscalationLevel)?.Name ?? ""));
        return true;
    }

    private async Task<bool> SettleAsync(GovernancePolicy current, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await store.GetAsync(request.InvestigationId, cancellationToken);
            var action = record is null ? null : InvestigationFacts.FindAction(record, request.ActionId);
            if (record is null || action is null || action.ApprovalStatus != ApprovalStatus.Pending || DelegationEligibility.IsDelegated(action))
            {
                await requests.CloseAsync(request.InvestigationId, request.ActionId, cancellationToken);
                return false;
            }

            var blocker = action.Reversible ? null : "it is irreversible";
            blocker ??= action.ApprovalClass == ApprovalClass.RequireSeniorApproval ? "it needs senior approval" : null;
            blocker ??= ProtectedTargetMatcher.Match(current.ProtectedTargets, action.Target) is { } rule ? $"its target is protected ({rule})" : null;
            var decision = blocker is null ? ApprovalStatus.Approved : ApprovalStatus.TimedOut;
            var reason = blocker is null
                ? $"No answer by {Time(request.Deadline)}; reversible, so approved by timeout_behavior auto_approve_reversible."
                : $"No answer by {Time(request.Deadline)}; not approved by timeout because {blocker}.";
            var answer = new ApprovalAnswer(decision, PolicyApprover, PolicyApprover, TimeoutChannel, now, reason);
            var next = InvestigationFacts.Replace(record, action with { ApprovalStatus = decision, Answer = answer }, now, "response",
                $"{InvestigationFacts.Describe(action)} {(blocker is null ? "approved" : "timed out")}: {reason}");
            var changed = InvestigationMessages.Updated(record, $"action {action.ActionId} {(blocker is null ? "approved" : "timed out")} by timeout", now);
            InvestigationRecord saved;
            try
            {
                saved = await store.SaveAsync(next, null, [changed], cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                continue;
            }

            await requests.CloseAsync(request.InvestigationId, request.ActionId, cancellationToken);
            if (blocker is not null)
            {
                var target = FirstTarget(current, request);
                if (target.Length > 0)
                    await notifier.NotifyAsync(target, $"Approval timed out: {Describe(request)}", reason, cancellationToken);
                if (notifications is not null)
                    await notifications.RaiseAsync(GovernanceNotifications.ApprovalTimeout(request.InvestigationId, request.ActionId, "timed_out",
                        $"Approval timed out: {Describe(request)}", reason, now), cancellationToken);
            }
            await AuditAsync(request, blocker is null ? "auto_approved" : "timed_out", reason, cancellationToken,
                ("decision", GovernanceAudit.StatusName(decision)));
            await bus.DeliverAsync(changed with { Record = saved }, cancellationToken);
            await continuation.ContinueAsync(request.InvestigationId, cancellationToken);
            return true;
        }
    }

    private Task<AuditRecord> AuditAsync(ApprovalRequest request, string outcome, string justification, CancellationToken cancellationToken,
        params (string Key, string Value)[] details)
    {
        var all = new Dictionary<string, string>
        {
            ["action_id"] = request.ActionId,
            ["logical_action"] = request.LogicalAction,
            ["severity"] = GovernanceAudit.Wire(request.Severity),
            ["behavior"] = policy.Current.TimeoutBehavior.TryGetValue(request.Severity, out var b) ? b : TimeoutBehaviors.HoldAndNotify,
        };
        foreach (var (key, value) in details) all[key] = value;
        return audit.AppendAsync(new AuditEntry
        {
            AgentName = GovernanceAudit.AgentName,
            ActionType = GovernanceAudit.ApprovalTimeout,
            InvestigationId = request.InvestigationId,
            Target = GovernanceAudit.TargetOf(request.Target),
            Justification = justification,
            ApprovalStatus = outcome switch
            {
                "auto_approved" => GovernanceAudit.StatusName(ApprovalStatus.Approved),
                "timed_out" => GovernanceAudit.StatusName(ApprovalStatus.TimedOut),
                _ => GovernanceAudit.StatusName(ApprovalStatus.Pending),
            },
            ApproverIdentity = outcome == "auto_approved" ? PolicyApprover : "",
            Outcome = outcome,
            Details = all,
        }, cancellationToken);
    }

    private static string FirstTarget(GovernancePolicy current, ApprovalRequest request) =>
        current.Escalation.For(request.Severity).EscalationTargets is { Count: > 0 } targets ? targets[0] : "";

    private static string Describe(ApprovalRequest request) =>
        $"{request.ActionId} {request.LogicalAction} on {GovernanceAudit.TargetOf(request.Target)} ({request.InvestigationId})";

    private static string Time(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture) ?? "";
}
