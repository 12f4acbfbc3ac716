using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Approvals.Delegation;

/// <summary>Records the life of actions handed to the SOAR's own approvers: the hand-over (the worker's approval request
/// closes, since the SOAR's approval deadline now governs), an action kept with the worker's approvers and why, and the
/// SOAR's answer with the run's outcome. Each step is saved on the plan (retrying on a concurrent save), audited, and
/// the investigation continues once the answer arrives.</summary>
public sealed class DelegatedApprovals(
    IStateStore store,
    IApprovalRequestStore requests,
    IAuditLog audit,
    IMessageBus bus,
    IDispatchGuard guard,
    IInvestigationContinuation continuation,
    TimeProvider time) : IDelegatedApprovals
{
    /// <summary>Channel on answers given by the SOAR's asset approvers.</summary>
    public const string Channel = "splunk_soar_asset_approval";

    /// <summary>Tier recorded for those answers: the SOAR, not the policy, decided who could give them.</summary>
    public const string Tier = "soar_asset_approver";

    /// <summary>Audit action type of a hand-over.</summary>
    public const string HandedOver = "approval_delegated";

    /// <summary>Audit action type of an action that could not be handed over and stays with the worker's approvers.</summary>
    public const string KeptHere = "approval_not_delegated";

    private const int MaxConflictRetries = 5;

    /// <inheritdoc />
    public Task<ApprovalRequest?> RequestOfAsync(string investigationId, string actionId, CancellationToken cancellationToken) =>
        requests.GetAsync(investigationId, actionId, cancellationToken);

    /// <inheritdoc />
    public Task<GuardDecision> AcquireAsync(InvestigationRecord record, ResponseAction action, CancellationToken cancellationToken) =>
        guard.AcquireAsync(record, action, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RecordHandOverAsync(string investigationId, string actionId, ActionExecution execution, string approvers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var saved = await UpdateAsync(investigationId, actionId, DelegationEligibility.IsDelegatable, action => action with { Execution = execution },
            action => $"{InvestigationFacts.Describe(action)} handed to Splunk SOAR's asset approvers ({approvers}): action_run {execution.ExternalId}", cancellationToken);
        if (saved is null) return false;
        var (record, action, message) = saved.Value;
        await requests.CloseAsync(record.Id, action.ActionId, cancellationToken);
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = GovernanceAudit.AgentName,
            ActionType = HandedOver,
            InvestigationId = record.Id,
            Target = GovernanceAudit.TargetOf(action.Target),
            Justification = action.Justification,
            ApprovalStatus = GovernanceAudit.StatusName(action.ApprovalStatus),
            Outcome = $"awaiting Splunk SOAR asset approvers ({approvers})",
            Details = new Dictionary<string, string>
            {
                ["action_id"] = action.ActionId,
                ["logical_action"] = action.LogicalAction,
                ["platform"] = execution.Platform,
                ["external_id"] = execution.ExternalId,
                ["dispatch_key"] = execution.DispatchKey,
            },
        }, cancellationToken);
        await bus.DeliverAsync(message with { Record = record }, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> KeepHereAsync(string investigationId, string actionId, string reason, CancellationToken cancellationToken)
    {
        var kept = new ActionExecution { Status = DispatchStatus.Held, Platform = "", Message = $"kept for approval here: {reason}" };
        var saved = await UpdateAsync(investigationId, actionId, DelegationEligibility.IsDelegatable, action => action with { Execution = kept },
            action => $"{InvestigationFacts.Describe(action)} stays with this worker's approvers: {reason}", cancellationToken);
        if (saved is null) return false;
        var (record, action, message) = saved.Value;
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = GovernanceAudit.AgentName,
            ActionType = KeptHere,
            InvestigationId = record.Id,
            Target = GovernanceAudit.TargetOf(action.Target),
            Justification = reason,
            ApprovalStatus = GovernanceAudit.StatusName(action.ApprovalStatus),
            Outcome = "kept for this worker's approvers",
            Details = new Dictionary<string, string> { ["action_id"] = action.ActionId, ["logical_action"] = action.LogicalAction },
        }, cancellationToken);
        await bus.DeliverAsync(message with { Record = record }, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> ResolveAsync(string investigationId, string actionId, DelegatedAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var at = answer.Execution?.FinishedAt ?? time.GetUtcNow();
        var given = new ApprovalAnswer(answer.Decision, answer.Approver, Tier, Channel, at, answer.Reason);
        // The same announcement the orchestrator makes after a dispatch, so the outcome is audited and measured alike;
        // saved with the answer (outbox), delivered after.
        var announcement = answer.Execution is { } execution ? new BusMessage
        {
            Id = $"{investigationId}:{MessageType.ActionExecuted}:soar_approval:{actionId}",
            Type = MessageType.ActionExecuted,
            InvestigationId = investigationId,
            Summary = $"{execution.Status.ToString().ToLowerInvariant()} {execution.ExternalId}".Trim(),
            CreatedAt = time.GetUtcNow(),
        } : null;
        var saved = await UpdateAsync(investigationId, actionId, DelegationEligibility.IsDelegated,
            action => action with { ApprovalStatus = answer.Decision, Answer = given, Execution = answer.Execution },
            action => $"{InvestigationFacts.Describe(action)} {Verb(answer.Decision)} in Splunk SOAR by {answer.Approver}"
                + (answer.Execution is { } run ? $"; run {GovernanceAudit.Wire(run.Status)}" : "")
                + (answer.Reason is null ? "" : $": {answer.Reason}"), cancellationToken, announcement);
        if (saved is null) return false;
        var (record, action, message) = saved.Value;
        await audit.AppendAsync(GovernanceAudit.AnswerEntry(record.Id, action, given, new Dictionary<string, string>
        {
            ["action_id"] = action.ActionId,
            ["logical_action"] = action.LogicalAction,
            ["tier"] = Tier,
            ["channel"] = Channel,
        }), cancellationToken);
        if (announcement is not null) await guard.RecordOutcomeAsync(record, action, answer.Execution!, cancellationToken);
        await bus.DeliverAsync(message with { Record = record }, cancellationToken);
        await continuation.ContinueAsync(record.Id, cancellationToken);
        return true;
    }

    private static string Verb(ApprovalStatus decision) => decision switch
    {
        ApprovalStatus.Approved => "approved",
        ApprovalStatus.Denied => "denied",
        _ => "timed out",
    };

    // Re-reads and re-checks on every attempt, so a concurrent answer (a comment, a timeout) is never overwritten. The
    // save carries its message (the announcement, or InvestigationUpdated) in the outbox; the caller delivers it after
    // its audit record.
    private async Task<(InvestigationRecord Record, ResponseAction Action, BusMessage Message)?> UpdateAsync(string investigationId, string actionId,
        Func<ResponseAction, bool> applies, Func<ResponseAction, ResponseAction> change, Func<ResponseAction, string> describe, CancellationToken cancellationToken,
        BusMessage? announcement = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await store.GetAsync(investigationId, cancellationToken) is not { } record) return null;
            if (InvestigationFacts.FindAction(record, actionId) is not { } action || !applies(action)) return null;
            var now = time.GetUtcNow();
            var next = InvestigationFacts.Replace(record, change(action), now, "response", describe(action)) with { UpdatedAt = now };
            var message = announcement ?? InvestigationMessages.Updated(record, $"action {actionId} delegation changed", now);
            try
            {
                var saved = await store.SaveAsync(next, null, [message], cancellationToken);
                return (saved, InvestigationFacts.FindAction(saved, actionId)!, message);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
            }
        }
    }
}
