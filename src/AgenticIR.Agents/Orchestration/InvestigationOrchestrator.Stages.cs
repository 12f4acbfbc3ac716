using System.Globalization;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>One method per stage: compute, save, then announce. Nothing is announced before it is saved.</summary>
public sealed partial class InvestigationOrchestrator
{
    /// <summary>Mode in which nothing is dispatched and the plan is only recorded for comparison.</summary>
    public const string ShadowMode = "shadow";

    private Task<InvestigationRecord> AdvanceAsync(InvestigationRecord record, CancellationToken cancellationToken) => record.Stage switch
    {
        InvestigationStage.Received => TriageAsync(record, cancellationToken),
        InvestigationStage.Triaged => MoveAsync(record, InvestigationStage.Investigating, "investigation", "Investigation started", cancellationToken),
        InvestigationStage.Investigating => InvestigateAsync(record, cancellationToken),
        InvestigationStage.Investigated => PlanAsync(record, cancellationToken),
        InvestigationStage.Planned => RespondAsync(record, cancellationToken),
        InvestigationStage.Responding => MoveAsync(record, InvestigationStage.Responded, "response", "Response finished", cancellationToken),
        InvestigationStage.Responded => DocumentAsync(record, cancellationToken),
        _ => throw new InvalidOperationException($"Stage {record.Stage} has no automatic next step."),
    };

    private async Task<InvestigationRecord> TriageAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var triage = await agents.Triage.TriageAsync(record, cancellationToken);
        var next = Move(record, InvestigationStage.Triaged, "triage",
            $"Triaged {triage.Severity.ToString().ToLowerInvariant()} (confidence {triage.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}), path {triage.Path.ToString().ToLowerInvariant()}") with { Triage = triage };
        next = await RenderAsync(next, "triaged", writeFiles: false, cancellationToken);
        var saved = await store.SaveAsync(next, null, cancellationToken);
        await bus.PublishAsync(Message(saved, MessageType.TriageComplete, $"{triage.Severity} / {triage.Path} / {triage.Confidence:0.00}"), cancellationToken);
        return saved;
    }

    private async Task<InvestigationRecord> InvestigateAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var current = record;
        // Each finished step is saved, so a crash mid-loop resumes after the last saved step instead of starting over.
        async Task Checkpoint(InvestigationReport partial, CancellationToken ct) =>
            current = await store.SaveAsync(current with { Report = partial, UpdatedAt = time.GetUtcNow() }, null, ct);

        var report = await agents.Investigation.InvestigateAsync(current, current.Report, Checkpoint, cancellationToken);
        var next = Move(current, InvestigationStage.Investigated, "investigation",
            $"Investigation concluded after {report.Steps.Count} steps ({report.StopReason}); confidence {report.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}") with { Report = report };
        next = await RenderAsync(next, "investigated", writeFiles: false, cancellationToken);
        var saved = await store.SaveAsync(next, null, cancellationToken);
        await bus.PublishAsync(Message(saved, MessageType.InvestigationComplete, $"{report.Findings.Count} findings, {report.StopReason}"), cancellationToken);
        return saved;
    }

    private async Task<InvestigationRecord> PlanAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var plan = await agents.Gate.ApplyAsync(record, agents.Planner.Plan(record), cancellationToken);
        var next = Move(record, InvestigationStage.Planned, "response",
            $"Plan: {plan.Actions.Count} actions, {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} need approval") with { Plan = plan };
        var saved = await store.SaveAsync(next, null, cancellationToken);
        await bus.PublishAsync(Message(saved, MessageType.PlanReady, $"{plan.Actions.Count} actions"), cancellationToken);
        return saved;
    }

    private async Task<InvestigationRecord> RespondAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        var plan = record.Plan ?? throw new InvalidOperationException("Planned investigation has no plan.");
        if (record.Mode == ShadowMode)
            return await MoveAsync(record, InvestigationStage.Responded, "response",
                $"Shadow mode: {plan.Actions.Count} actions recorded for comparison, none dispatched", cancellationToken);

        // Outside shadow mode approved actions go to a dispatcher (the SOAR bridge); until one has taken them, the
        // investigation rests here and the pending ones are announced to approvers.
        var saved = await MoveAsync(record, InvestigationStage.AwaitingApproval, "response",
            $"Waiting: {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending)} actions need approval, {plan.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.AutoApproved)} approved for dispatch", cancellationToken);
        foreach (var action in plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending))
            await bus.PublishAsync(Message(saved, MessageType.ApprovalRequired, $"{action.ActionId} {action.LogicalAction} ({action.Risk})", ":" + action.ActionId), cancellationToken);
        var rendered = await RenderAsync(saved, "awaiting_approval", writeFiles: true, cancellationToken);
        return await store.SaveAsync(rendered, null, cancellationToken);
    }

    private async Task<InvestigationRecord> DocumentAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        // Documentation and learning read the same saved state and do not depend on each other.
        var learning = Task.Run(() => agents.Learning.Analyze(record), cancellationToken);
        var documented = await RenderAsync(Move(record, InvestigationStage.Documented, "documentation", "Incident report written"), "documented", writeFiles: true, cancellationToken);
        var feedback = await learning;
        var saved = await store.SaveAsync(documented with { Feedback = feedback }, null, cancellationToken);
        foreach (var proposal in feedback.Proposals)
            await store.AddProposalAsync(saved.Id, proposal, cancellationToken);
        await bus.PublishAsync(Message(saved, MessageType.DocumentationReady, saved.Incident?.Title ?? saved.Id), cancellationToken);
        if (feedback.Insights.Count > 0 || feedback.Proposals.Count > 0)
            await bus.PublishAsync(Message(saved, MessageType.LearningInsight, $"{feedback.Insights.Count} insights, {feedback.Proposals.Count} proposals for review"), cancellationToken);
        return saved;
    }

    private async Task<InvestigationRecord> MoveAsync(InvestigationRecord record, InvestigationStage stage, string actor, string description, CancellationToken cancellationToken) =>
        await store.SaveAsync(Move(record, stage, actor, description), null, cancellationToken);

    private InvestigationRecord Move(InvestigationRecord record, InvestigationStage stage, string actor, string description)
    {
        InvestigationStateMachine.EnsureCanMove(record.Stage, stage);
        return record with { Stage = stage, Timeline = [.. record.Timeline, Entry(actor, description)], UpdatedAt = time.GetUtcNow() };
    }

    private async Task<InvestigationRecord> RenderAsync(InvestigationRecord record, string stage, bool writeFiles, CancellationToken cancellationToken)
    {
        var rendered = await agents.Documentation.DocumentAsync(record, stage, cancellationToken);
        if (writeFiles) await reports.WriteAsync(rendered.Report, rendered.Markdown, rendered.Json, cancellationToken);
        return record with { Incident = rendered.Report };
    }
}
