using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Intake;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>Reads answers to pending actions inside XSOAR, for the incidents of one instance whose investigation holds a
/// pending action: <c>/approve A2</c> and <c>/deny A2 reason</c> as the first line of a war-room entry
/// (<c>approvals: war_room</c>), or as the input of a completed manual playbook task (<c>approvals: tasks</c>). The
/// author's roles come from XSOAR's users and roles; the answer goes to the same <see cref="IApprovalService"/> as Splunk
/// SOAR comments (tiers, timeouts, guard and audit). Refused without reaching the service, audited with the reason and
/// told in a reply entry: an author XSOAR does not know, our own API user, an edited entry, an entry written before the
/// action was put to approvers, a malformed command. Each entry or completion is answered once: a ledger row records the
/// answer before the reply, and the reply names what it answers, so a crash never answers or replies twice.</summary>
internal sealed class XsoarApprovalPoller(
    IStateStore state,
    ISoarBridgeStore store,
    IApprovalService approvals,
    IApprovalRequestStore requests,
    IAuditLog audit,
    XsoarUserDirectory users,
    ILogger<XsoarApprovalPoller> logger)
{
    /// <summary>One pass over the instance's incidents with pending actions.</summary>
    public async Task<ApprovalPassResult> PollOnceAsync(IXsoarClient client, XsoarApprovalChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = client.InstanceName;
        var accepted = new List<string>();
        var processed = 0;
        string? apiUser = null;
        foreach (var id in await state.ListUnfinishedAsync(cancellationToken))
        {
            if (await state.GetAsync(id, cancellationToken) is not { } record) continue;
            if (record.Source is not { Platform: XsoarIntakeNames.Platform } source || !string.Equals(source.Instance, instance, StringComparison.Ordinal)) continue;
            if (!HasPending(record) || StandAsideNote.Applies(record)) continue;
            apiUser ??= await users.ApiUserAsync(client, cancellationToken);
            var entries = await client.GetEntriesAsync(source.ExternalId, cancellationToken);
            var candidates = channel == XsoarApprovalChannel.Tasks
                ? FromTasks(await client.GetPlaybookStateAsync(source.ExternalId, cancellationToken))
                : FromEntries(entries);
            foreach (var candidate in candidates)
            {
                if (ApprovalCommandParser.Parse(candidate.Text) is not { } command) continue;
                var (entry, answered) = await ProcessAsync(client, channel, record, source.ExternalId, candidate, command, entries, apiUser, cancellationToken);
                // Entries are read again on every pass: only what this pass answered counts.
                if (!answered) continue;
                processed++;
                if (entry.Accepted)
                {
                    accepted.Add(record.Id);
                    // The answer changed the plan: later answers are judged against the new state.
                    record = await state.GetAsync(record.Id, cancellationToken) ?? record;
                }
            }
        }
        return new ApprovalPassResult([.. accepted.Distinct(StringComparer.Ordinal)], processed);
    }

    // A server stamps created and modified separately when it saves a new entry; an edit is a person's, seconds later at least.
    private static readonly TimeSpan EditTolerance = TimeSpan.FromSeconds(2);

    private static bool HasPending(InvestigationRecord record) =>
        record.Plan?.Actions.Any(a => a.ApprovalStatus == ApprovalStatus.Pending) ?? false;

    // Analysts' text entries, oldest first: command results (they carry the command line) and our own replies are not answers.
    private static IEnumerable<XsoarApprovalCandidate> FromEntries(IReadOnlyList<XsoarEntry> entries) => entries
        .Where(e => !e.IsError && string.IsNullOrEmpty(e.ParentContent) && e.Contents is { Length: > 0 } && !ApprovalReply.IsReply(e.Contents))
        .Select(e => new XsoarApprovalCandidate(XsoarApprovalNames.EntryKey(e.Id), "entry " + e.Id, e.User, e.Contents!, e.Created,
            e.Created is { } created && e.Modified is { } modified && modified - created > EditTolerance))
        .OrderBy(c => c.ItemKey);

    // Completed manual tasks (no command or script behind them) whose input is an answer; "approve A2" reads as "/approve A2".
    private static IEnumerable<XsoarApprovalCandidate> FromTasks(XsoarPlaybookState? playbook) => (playbook?.Tasks ?? [])
        .Where(t => string.Equals(t.State, "Completed", StringComparison.OrdinalIgnoreCase) && t.ScriptId is null && t.Input is { Length: > 0 })
        .Select(t => new XsoarApprovalCandidate(XsoarApprovalNames.TaskCompletionKey(t.Id, t.CompletedDate), $"task {t.Id} ({t.Name})", t.CompletedBy,
            t.Input!.TrimStart().StartsWith('/') ? t.Input : "/" + t.Input.TrimStart(), t.CompletedDate, Edited: false))
        .OrderBy(c => c.WrittenAt);

    // The ledger entry once answered and replied to, and whether this call answered it.
    private async Task<(SoarCommentEntry Entry, bool Answered)> ProcessAsync(IXsoarClient client, XsoarApprovalChannel channel, InvestigationRecord record, string incidentId,
        XsoarApprovalCandidate candidate, ApprovalCommandText command, IReadOnlyList<XsoarEntry> entries, string apiUser, CancellationToken cancellationToken)
    {
        // Ids are matched case-insensitively; replies and the service use the plan's spelling.
        if (record.Plan?.Actions.FirstOrDefault(a => string.Equals(a.ActionId, command.ActionId, StringComparison.OrdinalIgnoreCase)) is { } planned)
            command = command with { ActionId = planned.ActionId };
        var ledger = channel == XsoarApprovalChannel.Tasks ? XsoarApprovalNames.TaskLedger(client.InstanceName) : XsoarApprovalNames.EntryLedger(client.InstanceName);
        var incidentKey = XsoarApprovalNames.IncidentKey(incidentId);
        string? username = null;
        var entry = await store.GetCommentAsync(ledger, incidentKey, candidate.ItemKey, cancellationToken);
        var answered = entry is null;
        if (entry is null)
        {
            var (ok, message, user) = await AnswerAsync(client, record, candidate, command, apiUser, cancellationToken);
            username = user;
            entry = new SoarCommentEntry(ledger, incidentKey, candidate.ItemKey, ok, message, SoarCommentState.Answered);
            await store.SaveCommentAsync(entry, cancellationToken);
            XsoarApprovalLog.Answered(logger, client.InstanceName, candidate.Source, incidentId, command.ActionId, record.Id, ok ? "accepted" : "refused");
        }
        if (entry.State == SoarCommentState.Answered)
        {
            if (!entries.Any(e => e.Contents is { } text && ApprovalReply.IsReply(text) && ApprovalReply.Answers(text, candidate.ItemKey)))
                await client.AddEntryAsync(incidentId, ApprovalReply.Text(command, username, candidate.ItemKey, entry.Accepted, entry.Message), cancellationToken);
            entry = entry with { State = SoarCommentState.Replied };
            await store.SaveCommentAsync(entry, cancellationToken);
        }
        return (entry, answered);
    }

    private async Task<(bool Accepted, string Message, string? Username)> AnswerAsync(IXsoarClient client, InvestigationRecord record,
        XsoarApprovalCandidate candidate, ApprovalCommandText command, string apiUser, CancellationToken cancellationToken)
    {
        var action = record.Plan?.Actions.FirstOrDefault(a => string.Equals(a.ActionId, command.ActionId, StringComparison.OrdinalIgnoreCase));
        var refusal = await RefusalAsync(record, action, candidate, command, apiUser, cancellationToken);
        XsoarUser? user = null;
        if (refusal is null)
        {
            user = await users.FindAsync(client, candidate.Author, cancellationToken);
            if (user is null) refusal = $"the author ({Printable(candidate.Author)}) could not be verified as an XSOAR user.";
        }
        if (refusal is not null)
        {
            await audit.AppendAsync(XsoarApprovalAudit.Refused(record, action, command.ActionId, command.Approve, candidate.Author, refusal, client.InstanceName, candidate), cancellationToken);
            return (false, refusal, null);
        }
        // The same answer already applied: read again after a restart between applying and recording it, or repeated by
        // its author. Acknowledged; nothing is applied twice.
        if (action!.Answer is { } given && given.Channel == XsoarApprovalNames.Channel && string.Equals(given.Approver, user!.Id, StringComparison.OrdinalIgnoreCase)
            && given.Decision == (command.Approve ? ApprovalStatus.Approved : ApprovalStatus.Denied))
            return (true, $"{action.ActionId} is already {(command.Approve ? "approved" : "denied")} by {given.Approver} (at {ReportFormat.Time(given.At)}); nothing more to do.", user.Id);
        var outcome = await approvals.AnswerAsync(new ApprovalCommand(record.Id, action.ActionId, command.Approve,
            new ApproverIdentity(user!.Id, user.Roles, XsoarApprovalNames.Channel), command.Reason), cancellationToken);
        return (outcome.Accepted, outcome.Message, user.Id);
    }

    // Why the answer cannot be taken whoever wrote it; null when it can go on to the author check and the service.
    private async Task<string?> RefusalAsync(InvestigationRecord record, ResponseAction? action, XsoarApprovalCandidate candidate, ApprovalCommandText command,
        string apiUser, CancellationToken cancellationToken)
    {
        // Our key writes notes that quote alert content: nothing it wrote may approve anything.
        if (string.Equals(candidate.Author, apiUser, StringComparison.OrdinalIgnoreCase))
            return $"{candidate.Source} was written by {apiUser}, the API user of this bridge; only an analyst's own answer counts.";
        if (candidate.Edited)
            return $"{candidate.Source} was edited after it was written; an edited answer is not taken: write a new entry.";
        if (command.Error is not null) return command.Error;
        if (action is null) return $"{command.ActionId} is not an action of investigation {record.Id}.";
        var request = await requests.GetAsync(record.Id, action.ActionId, cancellationToken);
        if (request is not null && candidate.WrittenAt is { } at && at < request.RequestedAt)
            return $"{candidate.Source} was written at {ReportFormat.Time(at)}, before {action.ActionId} was put to approvers (at {ReportFormat.Time(request.RequestedAt)}); an earlier answer is not replayed: write a new one.";
        return null;
    }

    private static string Printable(string? text) => text is null ? "none" : text.Length <= 64 ? text : text[..64] + "…";
}
