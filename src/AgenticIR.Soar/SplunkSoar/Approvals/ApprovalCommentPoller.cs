using System.Collections.Concurrent;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.Approvals;

/// <summary>Reads new comments on the containers of investigations with pending actions, applies <c>/approve</c> and
/// <c>/deny</c> commands through the approval service as the commenter (verified through the SOAR's user records), and
/// replies with the outcome. Each comment is processed once: a ledger row records the answer before the reply, the
/// reply names the comment it answers, and the per-container cursor moves only past finished comments.</summary>
internal sealed class ApprovalCommentPoller(
    SoarClientDirectory clients,
    ISoarBridgeStore store,
    IStateStore state,
    IApprovalService approvals,
    SoarRoleDirectory roles,
    SplunkSoarBridgeOptions options,
    ILogger<ApprovalCommentPoller> logger)
{
    private readonly ConcurrentDictionary<string, long?> _automationUsers = new(StringComparer.Ordinal);

    /// <summary>One pass over the instance's containers with pending approvals.</summary>
    public async Task<ApprovalPassResult> PollOnceAsync(string instance, CancellationToken cancellationToken)
    {
        var client = clients.Find(instance) ?? throw new InvalidOperationException($"No Splunk SOAR client is configured for instance '{instance}'.");
        var accepted = new List<string>();
        var processed = 0;
        long? automationUser = null;
        // Only unfinished investigations can hold pending actions: finished ones are not even read.
        var unfinished = (await state.ListUnfinishedAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var link in await store.ListLinksAsync(instance, cancellationToken))
        {
            if (!unfinished.Contains(link.InvestigationId)) continue;
            if (await state.GetAsync(link.InvestigationId, cancellationToken) is not { } record || !HasPending(record)) continue;
            // A container whose severity is off is left alone: its comments are not read, whatever they say.
            if (StandAsideNote.Applies(record)) continue;
            automationUser ??= await AutomationUserAsync(client, instance, cancellationToken);
            var comments = await client.ListCommentsAsync(link.ContainerId, link.CommentCursor, cancellationToken);
            foreach (var comment in comments.Where(c => c.Id > link.CommentCursor).OrderBy(c => c.Id))
            {
                if (await ProcessAsync(client, link, record, comment, comments, automationUser, cancellationToken) is { } entry)
                {
                    processed++;
                    if (entry.Accepted)
                    {
                        accepted.Add(record.Id);
                        // The answer changed the plan: later comments are judged against the new state.
                        record = await state.GetAsync(record.Id, cancellationToken) ?? record;
                    }
                }
                await store.AdvanceCommentCursorAsync(instance, link.ContainerId, comment.Id, cancellationToken);
            }
        }
        return new ApprovalPassResult([.. accepted.Distinct(StringComparer.Ordinal)], processed);
    }

    private static bool HasPending(InvestigationRecord record) =>
        record.Plan?.Actions.Any(a => a.ApprovalStatus == ApprovalStatus.Pending) ?? false;

    // Null when the comment is no command (or ours); otherwise the ledger entry once answered and replied to.
    private async Task<SoarCommentEntry?> ProcessAsync(ISplunkSoarClient client, SoarContainerLink link, InvestigationRecord record, SoarComment comment,
        IReadOnlyList<SoarComment> all, long? automationUser, CancellationToken cancellationToken)
    {
        if (comment.UserId is { } author && author == automationUser) return null;
        if (ApprovalReply.IsReply(comment.Comment)) return null;
        if (ApprovalCommandParser.Parse(comment.Comment) is not { } command) return null;
        // Ids are matched case-insensitively; replies and the service use the plan's spelling.
        if (record.Plan?.Actions.FirstOrDefault(a => string.Equals(a.ActionId, command.ActionId, StringComparison.OrdinalIgnoreCase)) is { } planned)
            command = command with { ActionId = planned.ActionId };

        string? username = null;
        var entry = await store.GetCommentAsync(link.Instance, link.ContainerId, comment.Id, cancellationToken);
        if (entry is null)
        {
            var (ok, message, user) = await AnswerAsync(client, record, command, comment, cancellationToken);
            username = user;
            entry = new SoarCommentEntry(link.Instance, link.ContainerId, comment.Id, ok, message, SoarCommentState.Answered);
            await store.SaveCommentAsync(entry, cancellationToken);
            BridgeLog.CommentAnswered(logger, link.Instance, comment.Id, link.ContainerId, command.ActionId, record.Id, ok ? "accepted" : "refused");
        }
        if (entry.State == SoarCommentState.Answered)
        {
            if (!all.Any(c => c.Id > comment.Id && ApprovalReply.Answers(c.Comment, comment.Id)))
                await client.CreateCommentAsync(link.ContainerId, ApprovalReply.Text(command, username, comment.Id, entry.Accepted, entry.Message), cancellationToken);
            entry = entry with { State = SoarCommentState.Replied };
            await store.SaveCommentAsync(entry, cancellationToken);
        }
        return entry;
    }

    private async Task<(bool Accepted, string Message, string? Username)> AnswerAsync(ISplunkSoarClient client, InvestigationRecord record,
        ApprovalCommandText command, SoarComment comment, CancellationToken cancellationToken)
    {
        if (command.Error is not null) return (false, command.Error, null);
        var action = record.Plan?.Actions.FirstOrDefault(a => string.Equals(a.ActionId, command.ActionId, StringComparison.OrdinalIgnoreCase));
        if (action is null) return (false, $"{command.ActionId} is not an action of investigation {record.Id}.", null);
        var user = comment.UserId is { } id ? await client.GetUserAsync(id, cancellationToken) : null;
        if (user is not { Enabled: true })
            return (false, "the comment's author could not be verified as an enabled Splunk SOAR user.", null);
        // The same answer already applied: this comment was read again (a restart after the answer was applied but
        // before it was recorded as processed), or its author repeated it. Acknowledged; nothing is applied twice.
        if (action.Answer is { } given && given.Channel == SoarBridgeNames.Platform && string.Equals(given.Approver, user.Username, StringComparison.Ordinal)
            && given.Decision == (command.Approve ? ApprovalStatus.Approved : ApprovalStatus.Denied))
            return (true, $"{action.ActionId} is already {(command.Approve ? "approved" : "denied")} by {given.Approver} (at {ReportFormat.Time(given.At)}); nothing more to do.", user.Username);
        var outcome = await approvals.AnswerAsync(new ApprovalCommand(record.Id, action.ActionId, command.Approve,
            new ApproverIdentity(user.Username, await roles.NamesOfAsync(client, user, cancellationToken), SoarBridgeNames.Platform), command.Reason), cancellationToken);
        return (outcome.Accepted, outcome.Message, user.Username);
    }

    private async Task<long?> AutomationUserAsync(ISplunkSoarClient client, string instance, CancellationToken cancellationToken)
    {
        if (options.AutomationUser is not { Length: > 0 } name) return null;
        if (_automationUsers.TryGetValue(instance, out var known)) return known;
        var id = (await client.FindUserAsync(name, cancellationToken))?.Id;
        _automationUsers[instance] = id;
        return id;
    }
}
