using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Approvals;

/// <summary>Applies answers to pending actions from any channel. An answer is refused, audited and told why when the
/// action is not pending, the approver belongs to no tier, the tier is too low for the gate or for the escalation the
/// request reached, or a denial gives no reason. An accepted answer is saved on the plan (retrying on a concurrent
/// save), audited with its latency, and the investigation is continued.</summary>
public sealed class ApprovalService(
    IStateStore store,
    IApprovalRequestStore requests,
    IAuditLog audit,
    IPolicyProvider policy,
    IInvestigationContinuation continuation,
    IMessageBus bus,
    TimeProvider time) : IApprovalService
{
    /// <summary>Channel name of the operator command line, which can check user names but not roles.</summary>
    public const string CliChannel = "cli";

    private const int MaxConflictRetries = 5;

    /// <inheritdoc />
    public async Task<ApprovalOutcome> AnswerAsync(ApprovalCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 0; ; attempt++)
        {
            var record = await store.GetAsync(command.InvestigationId, cancellationToken);
            if (record is null) return await RefuseAsync(command, null, null, $"No investigation {command.InvestigationId}.", cancellationToken);
            var action = InvestigationFacts.FindAction(record, command.ActionId);
            if (action is null) return await RefuseAsync(command, record, null, $"Investigation {record.Id} has no action {command.ActionId}.", cancellationToken);

            var request = await requests.GetAsync(record.Id, action.ActionId, cancellationToken);
            var check = Check(policy.Current, record, action, request, command);
            if (check.Refusal is not null) return await RefuseAsync(command, record, action, check.Refusal, cancellationToken);

            var now = time.GetUtcNow();
            var decision = command.Approve ? ApprovalStatus.Approved : ApprovalStatus.Denied;
            var answer = new ApprovalAnswer(decision, command.Approver.Name, check.TierName, command.Approver.Channel, now, Reason(command));
            var verb = command.Approve ? "approved" : "denied";
            var next = InvestigationFacts.Replace(record, action with { ApprovalStatus = decision, Answer = answer }, now, "response",
                $"{InvestigationFacts.Describe(action)} {verb} by {command.Approver.Name} ({check.TierName}, {command.Approver.Channel})"
                + (answer.Reason is null ? "" : $": {answer.Reason}"));
            var changed = InvestigationMessages.Updated(record, $"action {action.ActionId} {verb}", now);
            InvestigationRecord saved;
            try
            {
                saved = await store.SaveAsync(next, null, [changed], cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // Someone saved in between (another answer, the dispatcher): re-read, so a second answer to the same
                // action is refused as no longer pending instead of overwriting the first.
                continue;
            }

            await requests.CloseAsync(record.Id, action.ActionId, cancellationToken);
            await audit.AppendAsync(AnswerEntry(record, action, command, answer, check.TierName, request, now), cancellationToken);
            await bus.DeliverAsync(changed with { Record = saved }, cancellationToken);
            await continuation.ContinueAsync(record.Id, cancellationToken);
            return new ApprovalOutcome(true, $"{InvestigationFacts.Describe(action)} {verb} by {command.Approver.Name} as {check.TierName}.");
        }
    }

    private static (string? Refusal, string TierName) Check(GovernancePolicy current, InvestigationRecord record, ResponseAction action, ApprovalRequest? request, ApprovalCommand command)
    {
        var what = InvestigationFacts.Describe(action);
        if (action.ApprovalStatus != ApprovalStatus.Pending)
        {
            var by = action.Answer is { } previous ? $" by {previous.Approver} ({previous.Channel})" : "";
            return ($"{what} is not pending: it is {GovernanceAudit.StatusName(action.ApprovalStatus)}{by}.", "");
        }
        if (DelegationEligibility.IsDelegated(action))
            return ($"{what} is with Splunk SOAR's asset approvers (action_run {action.Execution!.ExternalId}): answer it in Splunk SOAR's approval queue.", "");
        if (!command.Approve && string.IsNullOrWhiteSpace(command.Reason))
            return ($"A denial needs a reason: say why {what} must not run.", "");

        var approver = command.Approver;
        var tiers = current.Approvers;
        var cli = string.Equals(approver.Channel, CliChannel, StringComparison.OrdinalIgnoreCase);
        var tier = cli ? ApproverTiers.TierOfUser(tiers, approver.Name) : ApproverTiers.TierOf(tiers, approver);
        var severity = request?.Severity ?? InvestigationFacts.SeverityOf(record);
        var required = ApproverTiers.Required(current, action.ApprovalClass, severity, request?.EscalationLevel ?? 0);

        if (tiers.Count == 0)
        {
            // Without tiers any verified SOAR user may answer standard actions (GovernancePolicy.Approvers); nobody can
            // vouch for a name typed at the CLI, and nobody may answer a senior gate.
            if (cli) return ($"{approver.Name} is not an approver: the policy defines no approver tiers, so the CLI cannot verify anyone.", "");
            if (action.ApprovalClass == ApprovalClass.RequireSeniorApproval)
                return ($"{what} needs senior approval and the policy defines no approver tier that can give it.", "");
            return (null, "any");
        }
        if (tier is null)
        {
            var how = cli ? "user name (the CLI cannot verify roles)" : "user name or role";
            return ($"{approver.Name} is not an approver: no tier in the policy lists this {how}.", "");
        }
        if (required is null)
            return ($"{what} needs senior approval and the policy defines no approver tier that can give it.", "");
        if (!ApproverTiers.Suffices(tier, required, action.ApprovalClass))
        {
            var why = request?.EscalationLevel > 0 ? $"it was escalated to {required.Name}"
                : action.ApprovalClass == ApprovalClass.RequireSeniorApproval ? $"its gate is require_senior_approval, which needs {required.Name} or above"
                : $"it needs {required.Name} or above";
            return ($"{approver.Name} ({tier.Name}) may not answer {what}: {why}.", "");
        }
        return (null, tier.Name);
    }

    private static string? Reason(ApprovalCommand command) => string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();

    private async Task<ApprovalOutcome> RefuseAsync(ApprovalCommand command, InvestigationRecord? record, ResponseAction? action, string message, CancellationToken cancellationToken)
    {
        var tier = ApproverTiers.TierOf(policy.Current.Approvers, command.Approver)?.Name ?? "";
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = GovernanceAudit.AgentName,
            ActionType = GovernanceAudit.ApprovalAnswer,
            InvestigationId = record?.Id ?? command.InvestigationId,
            Target = action is null ? command.ActionId : GovernanceAudit.TargetOf(action.Target),
            Justification = message,
            ApprovalStatus = action is null ? "" : GovernanceAudit.StatusName(action.ApprovalStatus),
            ApproverIdentity = command.Approver.Name,
            Outcome = "refused",
            Details = new Dictionary<string, string>
            {
                ["action_id"] = action?.ActionId ?? command.ActionId,
                ["answer"] = command.Approve ? "approve" : "deny",
                ["channel"] = command.Approver.Channel,
                ["roles"] = string.Join(",", command.Approver.Roles),
                ["tier"] = tier,
            },
        }, cancellationToken);
        return new ApprovalOutcome(false, message);
    }

    private static AuditEntry AnswerEntry(InvestigationRecord record, ResponseAction action, ApprovalCommand command, ApprovalAnswer answer,
        string tier, ApprovalRequest? request, DateTimeOffset now)
    {
        var details = new Dictionary<string, string>
        {
            ["action_id"] = action.ActionId,
            ["logical_action"] = action.LogicalAction,
            ["tier"] = tier,
            ["channel"] = answer.Channel,
            ["roles"] = string.Join(",", command.Approver.Roles),
        };
        if (request is not null)
        {
            details["latency_seconds"] = (now - request.RequestedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            details["escalation_level"] = request.EscalationLevel.ToString(CultureInfo.InvariantCulture);
        }
        return GovernanceAudit.AnswerEntry(record.Id, action, answer, details);
    }
}
