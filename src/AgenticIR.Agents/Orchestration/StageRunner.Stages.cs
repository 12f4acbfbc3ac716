using System.Globalization;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>One method per stage: compute, save, then announce. Nothing is announced before it is saved.</summary>
public sealed partial class StageRunner
{
    /// <summary>Minimum loop time between two investigation checkpoints.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(200);

    private Task<InvestigationRecord> AdvanceAsync(InvestigationRecord record, CancellationToken cancellationToken) => record.Stage switch
    {
        InvestigationStage.Received => TriageAsync(record, cancellationToken),
        InvestigationStage.Triaged or InvestigationStage.Investigating => InvestigateAsync(record, cancellationToken),
        InvestigationStage.Investigated => PlanAsync(record, cancellationToken),
        InvestigationStage.Planned => RespondAsync(record, cancellationToken),
        InvestigationStage.Responding => DispatchAsync(record, cancellationToken),
        InvestigationStage.Responded => DocumentAsync(record, cancellationToken),
        _ => throw new InvalidOperationException($"Stage {record.Stage} has no automatic next step."),
    };

    private async Task<InvestigationRecord> TriageAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var triage = await _agents.Triage.TriageAsync(record, cancellationToken);
        // The playbook entry may give each severity its own mode; the severity is known from here on.
        if (record.Playbook is { } playbook) record = record with { Mode = playbook.For(triage.Severity) };
        var next = Move(record, InvestigationStage.Triaged, "triage",
            $"Triaged {triage.Severity.ToString().ToLowerInvariant()} (confidence {triage.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}), path {triage.Path.ToString().ToLowerInvariant()}") with { Triage = triage };
        next = await RenderAsync(next, "triaged", writeFiles: false, cancellationToken);
        return await SaveAndAnnounceAsync(next, [Message(next, MessageType.TriageComplete, $"{triage.Severity} / {triage.Path} / {triage.Confidence:0.00}")], cancellationToken);
    }

    private async Task<InvestigationRecord> InvestigateAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        // "Investigating" is saved with the first checkpoint: until a step is worth saving there is nothing to resume.
        var current = record.Stage == InvestigationStage.Triaged
            ? Move(record, InvestigationStage.Investigating, "investigation", "Investigation started")
            : record;
        var lastSave = _time.GetTimestamp();
        // Finished steps are saved so a crash mid-loop resumes after them instead of starting over. Steps on local context
        // take microseconds and are cheaper to repeat than to save, so a checkpoint is written only once the loop has run
        // for CheckpointInterval since the last one; slow (remote) steps are therefore saved as they finish.
        async Task Checkpoint(Func<InvestigationReport> partial, CancellationToken ct)
        {
            if (_time.GetElapsedTime(lastSave) < CheckpointInterval) return;
            current = await _store.SaveAsync(current with { Report = partial(), UpdatedAt = _time.GetUtcNow() }, null, ct);
            lastSave = _time.GetTimestamp();
        }

        var report = await _agents.Investigation.InvestigateAsync(current, current.Report, Checkpoint, cancellationToken);
        var next = Move(current, InvestigationStage.Investigated, "investigation",
            $"Investigation concluded after {report.Steps.Count} steps ({report.StopReason}); confidence {report.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}") with { Report = report };
        return await SaveAndAnnounceAsync(next, [Message(next, MessageType.InvestigationComplete, $"{report.Findings.Count} findings, {report.StopReason}")], cancellationToken);
    }

    private async Task<InvestigationRecord> PlanAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var plan = await _agents.Gate.ApplyAsync(record, _agents.Planner.Plan(record), cancellationToken);
        var next = Move(record, InvestigationStage.Planned, "response",
            $"Plan: {plan.Actions.Count} actions, {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} need approval") with { Plan = plan };
        // In shadow mode the response stage only records that nothing is dispatched, so it is saved with the plan.
        if (next.Mode.IsObserveOnly())
            next = Move(next, InvestigationStage.Responded, "response", $"Shadow mode: {plan.Actions.Count} actions recorded for comparison, none dispatched");
        return await SaveAndAnnounceAsync(next, [Message(next, MessageType.PlanReady, $"{plan.Actions.Count} actions")], cancellationToken);
    }

    private async Task<InvestigationRecord> RespondAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var plan = record.Plan ?? throw new InvalidOperationException("Planned investigation has no plan.");
        if (record.Mode.IsObserveOnly())
            return await MoveAsync(record, InvestigationStage.Responded, "response",
                $"Shadow mode: {plan.Actions.Count} actions recorded for comparison, none dispatched", cancellationToken);
        if (_executor.DispatcherFor(record) is not null)
        {
            var approved = plan.Actions.Count(a => a.IsReadyToDispatch);
            var responding = await MoveAsync(record, InvestigationStage.Responding, "response", $"Dispatching {approved} approved actions", cancellationToken);
            return await DispatchAsync(responding, cancellationToken);
        }

        // Without a dispatcher for this source (a replayed file) approved actions are recorded, not run; the
        // investigation rests here and the pending ones are announced to approvers.
        var waiting = Move(record, InvestigationStage.AwaitingApproval, "response",
            $"Waiting: {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} actions need approval, {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.AutoApproved)} approved for dispatch");
        var rendered = await RenderAsync(waiting, "awaiting_approval", writeFiles: true, cancellationToken);
        var approvals = plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending)
            .Select(a => Message(waiting, MessageType.ApprovalRequired, $"{a.ActionId} {a.LogicalAction} ({a.Risk})", ":" + a.ActionId)).ToList();
        return await SaveAndAnnounceAsync(rendered, approvals, cancellationToken);
    }

    // Dispatches the ready actions, saving after each one, then rests for approval or finishes the response.
    private async Task<InvestigationRecord> DispatchAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var dispatcher = _executor.DispatcherFor(record);
        var current = record;
        if (dispatcher is not null)
        {
            current = await _executor.RunAsync(record, dispatcher, async (next, execution, ct) =>
                await SaveAndAnnounceAsync(next, [Message(next, MessageType.ActionExecuted,
                    $"{execution.Status.ToString().ToLowerInvariant()} {execution.ExternalId}".Trim(), ":" + next.Version.ToString(CultureInfo.InvariantCulture))], ct),
                cancellationToken);
        }
        var plan = current.Plan!;
        if (ResponseExecutor.IsWaiting(plan))
        {
            var waiting = Move(current, InvestigationStage.AwaitingApproval, "response",
                $"Waiting: {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} actions need approval, {plan.Actions.Count(a => a.Execution?.Status == DispatchStatus.Held)} held");
            var rendered = await RenderAsync(waiting, "awaiting_approval", writeFiles: true, cancellationToken);
            var approvals = plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending)
                .Select(a => Message(waiting, MessageType.ApprovalRequired, $"{a.ActionId} {a.LogicalAction} ({a.Risk})", ":" + a.ActionId)).ToList();
            var saved = await SaveAndAnnounceAsync(rendered, approvals, cancellationToken);
            // Actions handed back to people during dispatch (a breaker, a failed step) get their own approval requests and deadlines.
            await _approvalRequests.RecordAsync(saved, cancellationToken);
            return saved;
        }
        var executed = plan.Actions.Count(a => a.Execution is not null);
        return await MoveAsync(current, InvestigationStage.Responded, "response", $"Response finished: {executed} actions executed", cancellationToken);
    }

    // From awaiting approval: back to dispatching when there is a dispatcher, or finished when nothing waits any more.
    private async Task<InvestigationRecord> ResumeResponseAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var plan = record.Plan!;
        if (_executor.DispatcherFor(record) is not null && plan.Actions.Any(a => a.IsReadyToDispatch))
            return await DispatchAsync(await MoveAsync(record, InvestigationStage.Responding, "response", "Dispatching newly approved actions", cancellationToken), cancellationToken);
        if (plan.Actions.Any(a => a.ApprovalStatus == ApprovalStatus.Pending)) return record;
        return await MoveAsync(record, InvestigationStage.Responded, "response",
            _executor.DispatcherFor(record) is null ? "Every action answered; no dispatcher serves this source, so approved actions are recorded only" : "Every action answered", cancellationToken);
    }

    private async Task<InvestigationRecord> DocumentAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        // Documentation and learning read the same saved state and do not depend on each other.
        // A stopped learning agent (kill switch or breaker) leaves the investigation without feedback; the report is still written.
        var learningStopped = await LearningStoppedAsync(cancellationToken);
        var learning = learningStopped ? Task.FromResult<FeedbackReport?>(null) : Task.Run<FeedbackReport?>(() => _agents.Learning.Analyze(record), cancellationToken);
        var moved = Move(record, InvestigationStage.Documented, "documentation", "Incident report written");
        if (learningStopped) moved = moved with { Timeline = [.. moved.Timeline, _writer.Entry("learning", "Learning agent stopped (kill switch or breaker): no feedback for this investigation")] };
        var documented = await RenderAsync(moved, "documented", writeFiles: true, cancellationToken);
        var next = documented with { Feedback = await learning };
        List<BusMessage> messages = [Message(next, MessageType.DocumentationReady, next.Incident?.Title ?? next.Id)];
        if (next.Feedback is not { } feedback) return await SaveAndAnnounceAsync(next, messages, cancellationToken);
        if (feedback.Insights.Count > 0 || feedback.Proposals.Count > 0)
            messages.Add(Message(next, MessageType.LearningInsight, $"{feedback.Insights.Count} insights, {feedback.Proposals.Count} proposals for review"));
        var saved = await SaveAndAnnounceAsync(next, messages, cancellationToken);
        foreach (var proposal in feedback.Proposals)
            await _store.AddProposalAsync(saved.Id, proposal, cancellationToken);
        return saved;
    }

    private Task<InvestigationRecord> SaveAndAnnounceAsync(InvestigationRecord next, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken) =>
        _writer.SaveAndAnnounceAsync(next, messages, cancellationToken);

    private Task<InvestigationRecord> MoveAsync(InvestigationRecord record, InvestigationStage stage, string actor, string description, CancellationToken cancellationToken) =>
        _writer.MoveAsync(record, stage, actor, description, cancellationToken);

    private InvestigationRecord Move(InvestigationRecord record, InvestigationStage stage, string actor, string description) =>
        _writer.Move(record, stage, actor, description);

    private Task<InvestigationRecord> RenderAsync(InvestigationRecord record, string stage, bool writeFiles, CancellationToken cancellationToken) =>
        _writer.RenderAsync(record, stage, writeFiles, cancellationToken);

    private BusMessage Message(InvestigationRecord record, MessageType type, string summary, string? suffix = null) =>
        _writer.Message(record, type, summary, suffix);
}
