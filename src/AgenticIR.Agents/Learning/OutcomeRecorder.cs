using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Learning;

/// <summary>Applies the real outcome of an incident (the analyst's final severity and disposition, the actions actually
/// taken) to its investigation: sets <see cref="InvestigationRecord.Outcome"/>, has the <see cref="LearningAgent"/> review
/// the investigation again against it, queues the proposals that review adds, and saves the record with an
/// <see cref="MessageType.OutcomeRecorded"/> announcement (the metrics emitter's cue for <c>learning_metrics</c>).
/// Idempotent: an outcome equal to the stored one changes nothing, so re-reading a closed container saves and announces
/// nothing again.</summary>
public sealed class OutcomeRecorder(IStateStore store, LearningAgent learning, IMessageBus bus, TimeProvider time) : IOutcomeRecorder
{
    /// <summary>Saves tried when another writer (the orchestrator) saves the same investigation in between.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Records the outcome; returns the saved record, or null when the investigation does not exist or already
    /// holds this outcome.</summary>
    /// <exception cref="ConcurrencyConflictException">Another writer won every one of <see cref="MaxAttempts"/> saves; the
    /// caller retries later.</exception>
    public async Task<InvestigationRecord?> RecordAsync(string investigationId, IncidentOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        ArgumentNullException.ThrowIfNull(outcome);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(investigationId, cancellationToken) is not { } record) return null;
            if (Same(record.Outcome, outcome)) return null;
            var next = WithOutcome(record, outcome);
            // Deterministic per saved version, like the orchestrator's announcements.
            var message = InvestigationMessages.Create(record, MessageType.OutcomeRecorded, Describe(outcome), next.UpdatedAt);
            InvestigationRecord saved;
            try
            {
                // Announced before the proposals are queued, as the orchestrator does: the announcement is in the outbox
                // with the outcome, and a failing subscriber is retried, so a failing queue write cannot lose it.
                saved = await store.SaveAndAnnounceAsync(bus, next, null, [message], cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }
            var earlier = record.Feedback?.Proposals ?? [];
            foreach (var proposal in next.Feedback!.Proposals.Where(p => !earlier.Contains(p)))
                await store.AddProposalAsync(saved.Id, proposal, cancellationToken);
            return saved;
        }
    }

    private InvestigationRecord WithOutcome(InvestigationRecord record, IncidentOutcome outcome)
    {
        var now = time.GetUtcNow();
        var next = record with
        {
            Outcome = outcome,
            Timeline = [.. record.Timeline, new TimelineEntry(now, "learning", $"Outcome recorded: {Describe(outcome)}")],
            UpdatedAt = now,
        };
        // The review runs on the record as it will be saved, so accuracy and effectiveness score the real outcome.
        return next with { Feedback = learning.Analyze(next) };
    }

    private static bool Same(IncidentOutcome? stored, IncidentOutcome outcome) =>
        stored is not null
        && stored.ActualSeverity == outcome.ActualSeverity
        && stored.Disposition == outcome.Disposition
        && string.Equals(stored.Source, outcome.Source, StringComparison.Ordinal)
        && stored.ActionsTaken.Order(StringComparer.Ordinal).SequenceEqual(outcome.ActionsTaken.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Describe(IncidentOutcome outcome) => string.Create(CultureInfo.InvariantCulture,
        $"{outcome.Source}: severity {outcome.ActualSeverity?.ToWire() ?? "unknown"}, disposition {Disposition(outcome.Disposition)}, actions {(outcome.ActionsTaken.Count == 0 ? "none" : string.Join(", ", outcome.ActionsTaken))}");

    private static string Disposition(Disposition? disposition) => disposition switch
    {
        Core.Learning.Disposition.TruePositive => "true_positive",
        Core.Learning.Disposition.BenignPositive => "benign",
        Core.Learning.Disposition.FalsePositive => "false_positive",
        _ => "unknown",
    };
}
