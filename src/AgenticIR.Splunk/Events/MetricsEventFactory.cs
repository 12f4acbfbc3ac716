using AgenticIR.Core.Alerts;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Splunk.Events;

/// <summary>Builds the metrics events an investigation's current state supports. Pure: the same record and stage
/// events always give the same events with the same ids, so calling it again after a restart only produces duplicates
/// the outbox refuses.</summary>
public static class MetricsEventFactory
{
    /// <summary>Every event the record's state supports: investigation metrics once investigated, response metrics per
    /// planned action, incident and learning metrics once documented (learning only when the real severity is known).</summary>
    /// <param name="record">The investigation.</param>
    /// <param name="stages">Its saved transitions (<see cref="Core.Ports.IStateStore.ListStageEventsAsync"/>); they date
    /// the end of the investigation and the response decision. Empty is allowed: times then fall back to the record.</param>
    public static IReadOnlyList<MetricsEvent> ForInvestigation(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(stages);
        var events = new List<MetricsEvent>();
        if (Investigation(record, stages) is { } investigation) events.Add(MetricsRecords.ToEvent(investigation));
        foreach (var response in Responses(record, stages)) events.Add(MetricsRecords.ToEvent(response));
        if (Incident(record, stages) is { } incident) events.Add(MetricsRecords.ToEvent(incident));
        if (Learning(record, stages) is { } learning) events.Add(MetricsRecords.ToEvent(learning));
        if (ModelUsage(record, stages) is { } usage) events.Add(MetricsRecords.ToEvent(usage));
        return events;
    }

    /// <summary>The <c>shadow_comparison</c> event of one comparison.</summary>
    public static MetricsEvent ForShadowComparison(ShadowComparisonFacts facts) => MetricsRecords.ToEvent(Shadow(facts));

    /// <summary><c>investigation_metrics</c>, or null before the investigation loop finished.</summary>
    public static InvestigationMetrics? Investigation(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Triage is not { } triage || record.Report is not { } report) return null;
        var start = record.CreatedAt;
        var end = StageTime(stages, InvestigationStage.Investigated)
            ?? start + TimeSpan.FromMilliseconds(report.Steps.Sum(s => s.DurationMs));
        return new InvestigationMetrics
        {
            InvestigationId = record.Id,
            AlertId = record.PrimaryAlert.AlertId,
            Severity = triage.Severity.ToWire(),
            InvestigationStart = MetricsJson.EpochSeconds(start),
            InvestigationEnd = MetricsJson.EpochSeconds(end),
            InvestigationDurationSeconds = Seconds(end - start),
            InvestigationPath = WireNames.Of(triage.Path),
            Mode = record.Mode.ToWire(),
            Playbook = record.Playbook?.Playbook,
            Steps = report.Steps.Count,
            Findings = report.Findings.Count,
            DataSources = report.Steps.Select(s => s.Tool).Distinct(StringComparer.Ordinal).Count(),
            ApiCalls = report.Steps.Sum(s => s.ApiCalls),
            Confidence = Math.Round(report.Confidence, 4),
            StopReason = WireNames.Of(report.StopReason),
            TopVerdict = WireNames.Of(report.TopFinding?.Verdict),
            Category = record.PrimaryAlert.Category,
            SourceFormat = record.PrimaryAlert.SourceFormat,
            Time = end,
        };
    }

    /// <summary><c>response_metrics</c>, one per planned action in its current status.</summary>
    public static IReadOnlyList<ResponseMetrics> Responses(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Plan is not { } plan || record.Triage is not { } triage) return [];
        var plannedAt = StageTime(stages, InvestigationStage.Planned);
        return [.. plan.Actions.Select(action => Response(record, triage, action, plannedAt))];
    }

    /// <summary><c>incident_metrics</c>, or null before the investigation is documented.</summary>
    public static IncidentMetrics? Incident(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!InvestigationStateMachine.IsFinished(record.Stage) || record.Triage is not { } triage) return null;
        var actions = record.Plan?.Actions ?? [];
        var human = triage.Path == InvestigationPath.Manual
            || actions.Any(a => ActionStatusNames.AnsweredByHuman(a) || a.ApprovalStatus == ApprovalStatus.Pending);
        var at = StageTime(stages, record.Stage) ?? record.UpdatedAt;
        return new IncidentMetrics
        {
            InvestigationId = record.Id,
            InvestigationPath = WireNames.Of(triage.Path),
            HumanIntervention = human ? 1 : 0,
            Severity = triage.Severity.ToWire(),
            Mode = record.Mode.ToWire(),
            Playbook = record.Playbook?.Playbook,
            Stage = WireNames.Of(record.Stage),
            Disposition = WireNames.Of(record.Outcome?.Disposition),
            AlertCount = record.Alerts.Count,
            ActionsPlanned = actions.Count,
            ActionsExecuted = actions.Count(a => a.Execution?.Status == DispatchStatus.Succeeded),
            ActionsPending = actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending),
            ResolutionTimeSeconds = Seconds(at - record.CreatedAt),
            Time = at,
        };
    }

    /// <summary><c>learning_metrics</c>, or null until feedback exists and the real severity is known (an unknown
    /// outcome would count as a triage miss in the accuracy panel).</summary>
    public static LearningMetrics? Learning(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Feedback is not { } feedback || record.Triage is not { } triage
            || record.Outcome?.ActualSeverity is not { } actual) return null;
        return new LearningMetrics
        {
            InvestigationId = record.Id,
            TriageSeverity = triage.Severity.ToWire(),
            ActualSeverity = actual.ToWire(),
            TriageAccuracyScore = feedback.TriageAccuracy,
            InvestigationEfficiency = Math.Round(feedback.InvestigationEfficiency, 4),
            ResponseEffectiveness = feedback.ResponseEffectiveness,
            Disposition = WireNames.Of(record.Outcome.Disposition),
            OutcomeSource = record.Outcome.Source,
            DetectionGaps = feedback.DetectionGaps.Count,
            Proposals = feedback.Proposals.Count,
            Mode = record.Mode.ToWire(),
            Playbook = record.Playbook?.Playbook,
            Time = StageTime(stages, InvestigationStage.Documented) ?? record.UpdatedAt,
        };
    }

    /// <summary><c>llm_usage</c>, or null when no model was consulted or before the investigation is documented (the
    /// executive summary, the last request, is written with the plan; later versions of the report ask nothing more).</summary>
    public static ModelUsageMetrics? ModelUsage(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!InvestigationStateMachine.IsFinished(record.Stage) || record.Triage is not { } triage
            || record.Incident?.ModelUsage is not { } usage) return null;
        return new ModelUsageMetrics
        {
            InvestigationId = record.Id,
            Reasoner = usage.Reasoner,
            Model = usage.Reasoner.StartsWith("llm:", StringComparison.Ordinal) ? usage.Reasoner[4..] : usage.Reasoner,
            Calls = usage.Calls,
            PromptTokens = usage.PromptTokens,
            CompletionTokens = usage.CompletionTokens,
            TotalTokens = usage.PromptTokens + usage.CompletionTokens,
            Fallbacks = usage.Fallbacks,
            LatencyMs = usage.LatencyMs,
            Severity = triage.Severity.ToWire(),
            Mode = record.Mode.ToWire(),
            SourceFormat = record.PrimaryAlert.SourceFormat,
            Time = StageTime(stages, InvestigationStage.Documented) ?? record.UpdatedAt,
        };
    }

    /// <summary>The typed <c>shadow_comparison</c> record of one comparison.</summary>
    public static ShadowComparisonMetrics Shadow(ShadowComparisonFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var playbookSeverity = facts.PlaybookSeverity?.ToWire();
        return new ShadowComparisonMetrics
        {
            InvestigationId = facts.InvestigationId,
            ContainerId = facts.ContainerId,
            Instance = facts.Instance,
            Playbook = facts.Playbook,
            Severity = facts.AgentSeverity.ToWire(),
            PlaybookSeverity = playbookSeverity,
            ActualSeverity = playbookSeverity,
            SeverityAgreement = Flag(facts.SeverityAgreement),
            AgentDisposition = WireNames.Of(facts.AgentDisposition),
            AnalystDisposition = WireNames.Of(facts.AnalystDisposition),
            DispositionAgreement = Flag(facts.DispositionAgreement),
            ActionOverlap = Math.Round(Math.Clamp(facts.ActionOverlap, 0, 1), 4),
            AgentActions = facts.AgentActions,
            PlaybookActions = facts.PlaybookActions,
            ExtraFindings = facts.ExtraFindings,
            MissedFindings = facts.MissedFindings,
            AgentTimeToDecisionSeconds = facts.AgentTimeToDecision is { } agent ? Seconds(agent) : null,
            PlaybookTimeToDecisionSeconds = facts.PlaybookTimeToDecision is { } playbook ? Seconds(playbook) : null,
            HarmfulDisagreement = facts.HarmfulDisagreement,
            Time = facts.ObservedAt,
        };
    }

    private static ResponseMetrics Response(InvestigationRecord record, TriageResult triage, ResponseAction action, DateTimeOffset? plannedAt)
    {
        var execution = action.Execution;
        // The article's containment time runs from the response decision (a human's approval, else the plan) to the end.
        var decidedAt = action.Answer?.At ?? plannedAt ?? execution?.StartedAt;
        double? containment = execution is { Status: DispatchStatus.Succeeded, FinishedAt: { } finished } && decidedAt is { } decided
            ? Seconds(finished - decided)
            : null;
        return new ResponseMetrics
        {
            InvestigationId = record.Id,
            ActionId = action.ActionId,
            ActionType = action.LogicalAction,
            ActionKind = WireNames.Of(action.Kind),
            ActionStatus = ActionStatusNames.Of(action),
            ApprovalStatus = WireNames.Of(action.ApprovalStatus),
            ApprovalClass = WireNames.Of(action.ApprovalClass),
            Risk = WireNames.Of(action.Risk),
            Target = action.Target.Value,
            TargetType = ObservableTypeNames.ToWire(action.Target.Type),
            ContainmentTimeSeconds = containment,
            EstimatedContainmentTimeSeconds = Seconds(action.ExpectedDuration),
            Dispatched = execution is not null && execution.Status != DispatchStatus.Held,
            Platform = execution?.Platform,
            Approver = action.Answer?.Approver,
            Severity = triage.Severity.ToWire(),
            InvestigationPath = WireNames.Of(triage.Path),
            Mode = record.Mode.ToWire(),
            Playbook = record.Playbook?.Playbook,
            Time = execution?.FinishedAt ?? execution?.StartedAt ?? action.Answer?.At ?? plannedAt ?? record.UpdatedAt,
        };
    }

    private static DateTimeOffset? StageTime(IReadOnlyList<StageEvent> stages, InvestigationStage stage) =>
        stages.LastOrDefault(s => s.Stage == stage)?.At;

    private static double Seconds(TimeSpan span) => Math.Round(Math.Max(0, span.TotalSeconds), 3);

    private static int? Flag(bool? value) => value is { } v ? (v ? 1 : 0) : null;
}
