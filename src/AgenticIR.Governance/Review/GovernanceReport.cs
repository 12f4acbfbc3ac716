using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Review;

/// <summary>Builds the morning review from the state store, the audit trail and the control store.</summary>
public sealed class GovernanceReport(IStateStore store, IAuditTrail audit, IGovernanceControlStore controls, TimeProvider time, IPolicyVersionStore? versions = null)
{
    /// <summary>How many of the most recent investigations are read; a window holding more is flagged as truncated.</summary>
    public const int MaxInvestigations = 10_000;

    /// <summary>Everything since <paramref name="since"/>.</summary>
    public async Task<GovernanceReview> BuildAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow();
        // The store lists by creation time only, newest first: reading the most recent ones and filtering on UpdatedAt
        // finds every investigation touched in the window unless the store holds more than the cap (then flagged).
        var recent = await store.ListAsync(MaxInvestigations, cancellationToken);
        var touched = recent.Where(r => r.UpdatedAt >= since).ToList();

        var actions = new List<ReviewedAction>();
        var latencies = new List<double>();
        int approved = 0, denied = 0, timedOut = 0;
        foreach (var record in touched)
        {
            if (record.Plan is not { } plan) continue;
            var events = await store.ListStageEventsAsync(record.Id, cancellationToken);
            var plannedAt = events.FirstOrDefault(e => e.Stage == InvestigationStage.Planned)?.At;
            foreach (var action in plan.Actions)
            {
                if (action.Answer is { } answer && answer.At >= since)
                {
                    if (IsHuman(answer))
                    {
                        if (answer.Decision == ApprovalStatus.Approved) approved++;
                        else if (answer.Decision == ApprovalStatus.Denied) denied++;
                        if (plannedAt is { } p) latencies.Add((answer.At - p).TotalSeconds);
                    }
                    else
                    {
                        timedOut++;
                    }
                }
                if (action.Execution is not null) actions.Add(Describe(record, action, plannedAt));
            }
        }

        var refused = new List<ReviewEvent>();
        var breakers = new List<ReviewEvent>();
        var policyEvents = new List<ReviewEvent>();
        await foreach (var entry in audit.StreamAsync(new AuditQuery { Since = since }, cancellationToken))
        {
            var e = entry.Entry;
            switch (e.ActionType)
            {
                case "approval_answer" when e.Outcome == "refused":
                    refused.Add(Event(entry));
                    break;
                case "circuit_breaker" or "dispatch_held":
                    breakers.Add(Event(entry));
                    break;
                case "policy_change" or "policy_rejected" or "proposal_decision":
                    policyEvents.Add(Event(entry));
                    break;
            }
        }

        latencies.Sort();
        return new GovernanceReview
        {
            Since = since,
            Until = until,
            Actions = [.. actions.OrderBy(a => a.StartedAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.InvestigationId, StringComparer.Ordinal).ThenBy(a => a.ActionId, StringComparer.Ordinal)],
            Approvals = new ApprovalLatency(approved + denied, approved, denied, timedOut,
                latencies.Count == 0 ? null : Percentile(latencies, 0.5), latencies.Count == 0 ? null : Percentile(latencies, 0.9), latencies.Count == 0 ? null : latencies[^1]),
            RefusedAnswers = refused,
            BreakerEvents = breakers,
            KillSwitches = await controls.HistoryAsync(since, cancellationToken),
            PolicyEvents = policyEvents,
            PolicyVersions = versions is null ? [] : await versions.ListAsync(since, cancellationToken),
            Truncated = recent.Count == MaxInvestigations,
        };
    }

    private static ReviewedAction Describe(InvestigationRecord record, ResponseAction action, DateTimeOffset? plannedAt)
    {
        var execution = action.Execution!;
        var findings = record.Report?.Findings ?? [];
        var steps = record.Report?.Steps ?? [];
        return new ReviewedAction
        {
            InvestigationId = record.Id,
            Playbook = record.Playbook?.Playbook ?? "",
            Mode = record.Mode.ToWire(),
            ActionId = action.ActionId,
            Action = action.LogicalAction,
            Target = $"{ObservableTypeNames.ToWire(action.Target.Type)}:{action.Target.Value}",
            Risk = Wire(action.Risk),
            Reversible = action.Reversible,
            Approval = Approval(action, plannedAt),
            Outcome = Wire(execution.Status),
            OutcomeMessage = execution.Message,
            StartedAt = execution.StartedAt,
            Justification = action.Justification,
            Triage = record.Triage is { } t
                ? new ReviewTriage(t.Severity.ToWire(), t.Confidence, t.Score, Wire(t.Path), t.Reasoning,
                    [.. t.Signals.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Score:0.00}×{s.Weight:0.00}: {s.Evidence}"))])
                : null,
            Findings = [.. action.FindingIds.Select(id => findings.FirstOrDefault(f => f.Id == id) is { } f
                ? new ReviewFinding(f.Id, f.Title, Wire(f.Verdict), f.Confidence, f.Evidence, f.Tool,
                    steps.FirstOrDefault(s => s.FindingIds.Contains(id)) is { } s ? $"#{s.Number} {s.Tool} {s.Query} — {s.Reason}" : "")
                : new ReviewFinding(id, "(finding not in the report)", "", 0, "", "", ""))],
        };
    }

    private static ReviewApproval Approval(ResponseAction action, DateTimeOffset? plannedAt)
    {
        if (action.Answer is not { } answer) return new ReviewApproval("auto", "policy", "", "", null);
        double? latency = plannedAt is { } p ? (answer.At - p).TotalSeconds : null;
        return IsHuman(answer)
            ? new ReviewApproval("human", answer.Approver, answer.Tier, answer.Channel, latency)
            : new ReviewApproval("timeout_rule", answer.Approver, answer.Tier, answer.Channel, latency);
    }

    // A timeout rule answers as channel "timeout"; everything else is a person.
    private static bool IsHuman(ApprovalAnswer answer) => answer.Channel != "timeout" && answer.Decision != ApprovalStatus.TimedOut;

    private static ReviewEvent Event(AuditRecord record) => new(record.Timestamp, record.Entry.ActionType, record.Entry.InvestigationId,
        record.Entry.Target, record.Entry.ApproverIdentity.Length > 0 ? record.Entry.ApproverIdentity : record.Entry.AgentName, record.Entry.Outcome, record.Entry.Justification);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
