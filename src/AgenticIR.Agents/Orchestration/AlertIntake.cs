using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Logging;
using AgenticIR.Core.Security;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Takes each input exactly once by its key: dead-letters what did not normalize, merges a duplicate into the
/// active investigation with its fingerprint (counting alert storms), or opens a new investigation and hands it to the
/// <see cref="StageRunner"/>. The ledger row is saved with the investigation's change, so an input is never half taken.</summary>
internal sealed class AlertIntake(
    IStateStore store,
    StageRunner runner,
    InvestigationWriter writer,
    RecentInvestigations recent,
    IPolicyProvider policy,
    TimeProvider time,
    ILogger<AlertIntake> logger) : IAlertIntake
{
    private const int MaxConflictRetries = 5;

    /// <summary>Alerts an investigation keeps whole; later duplicates are counted in <see cref="InvestigationRecord.SuppressedDuplicates"/>.</summary>
    private const int MaxAlertsHeld = 25;

    public async Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputKey);
        var previous = await store.GetIntakeAsync(inputKey, cancellationToken);
        if (previous is not null)
        {
            // Taken by an earlier run; that run may have died mid-pipeline, so finish the investigation.
            var finished = previous.InvestigationId is null ? null : await runner.RunToRestAsync(previous.InvestigationId, cancellationToken);
            return new IngestOutcome(previous, AlreadyRecorded: true, finished);
        }

        if (normalized.Alert is not { } alert)
        {
            var (deadLettered, already) = await DeadLetterAsync(inputKey, raw.Content, normalized.Error ?? "normalization failed", normalized.Format, cancellationToken);
            return new IngestOutcome(deadLettered, already, null);
        }

        var fingerprint = AlertFingerprint.Compute(alert);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // After a conflict another worker may have taken this very input: the ledger answers first.
                if (attempt > 0 && await store.GetIntakeAsync(inputKey, cancellationToken) is { } taken)
                    return new IngestOutcome(taken, AlreadyRecorded: true, null);
                var (active, check) = context.MergeDuplicates ? await FindDuplicateTargetAsync(fingerprint, alert, cancellationToken) : (null, null);
                if (active is not null)
                {
                    var started = time.GetTimestamp();
                    var (mergeIntake, merged) = await MergeAsync(active, alert, inputKey, fingerprint, cancellationToken);
                    StageMetrics.Record("merge", time.GetElapsedTime(started));
                    return new IngestOutcome(mergeIntake, false, merged);
                }

                var intake = NewIntake(inputKey, IntakeStatus.Processed, InvestigationIdFor(inputKey), alert, null);
                // With merging on, the store opens it only if no other worker opened one for the fingerprint since we
                // looked; if one did, this is a conflict and the next attempt merges into it.
                var created = await store.CreateAsync(NewInvestigation(intake.InvestigationId!, fingerprint, alert, context), intake, check, cancellationToken);
                return new IngestOutcome(intake, false, await runner.AdvanceToRestAsync(created, cancellationToken));
            }
            catch (ConcurrencyConflictException ex) when (attempt < MaxConflictRetries)
            {
                recent.Forget(fingerprint);
                OrchestrationLog.ConcurrencyRetry(logger, ex.InvestigationId);
            }
        }
    }

    public async Task<IngestOutcome> IngestIntoAsync(string investigationId, string inputKey, RawAlert raw, NormalizationResult normalized, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputKey);
        if (await store.GetIntakeAsync(inputKey, cancellationToken) is { } previous)
            return new IngestOutcome(previous, AlreadyRecorded: true, await store.GetAsync(investigationId, cancellationToken));
        if (normalized.Alert is not { } alert)
        {
            var (deadLettered, already) = await DeadLetterAsync(inputKey, raw.Content, normalized.Error ?? "normalization failed", normalized.Format, cancellationToken);
            return new IngestOutcome(deadLettered, already, null);
        }
        for (var attempt = 0; ; attempt++)
        {
            var target = await store.GetAsync(investigationId, cancellationToken)
                ?? throw new InvalidOperationException($"Investigation {investigationId} does not exist.");
            try
            {
                var (intake, merged) = await MergeAsync(target, alert, inputKey, target.Fingerprint, cancellationToken);
                return new IngestOutcome(intake, false, merged);
            }
            catch (ConcurrencyConflictException ex) when (attempt < MaxConflictRetries)
            {
                OrchestrationLog.ConcurrencyRetry(logger, ex.InvestigationId);
            }
        }
    }

    /// <summary>The investigation the alert merges into, or null; and what was seen, for the store to check that nobody
    /// opened another one for the fingerprint before this alert opens its own.</summary>
    private async Task<(InvestigationRecord? Target, FingerprintCheck Check)> FindDuplicateTargetAsync(string fingerprint, NormalizedAlert alert, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(policy.Current.Triage.DedupWindowMinutes);
        var since = time.GetUtcNow() - window;
        // The cache only spares store reads: if another worker saved since the cached state, the merge's save fails its
        // version check; if it opened a newer investigation for the fingerprint, the create's check fails. Either way the
        // entry is dropped and the store is asked again. A miss always asks the store.
        var active = recent.Find(fingerprint, since) ?? await store.FindActiveByFingerprintAsync(fingerprint, since, cancellationToken);
        var check = new FingerprintCheck(since, active?.Id);
        // Duplicates are the same incident reported again: their own activity times must be close too, so a replay of
        // last month's alert does not join today's investigation just because both were ingested today.
        var merges = active is not null && (alert.Timestamp - active.PrimaryAlert.Timestamp).Duration() <= window && !WouldLowerSeverity(active, alert);
        return (merges ? active : null, check);
    }

    // A merged alert takes the investigation's severity: it may join only an investigation at least as severe as the
    // lowest severity triage could give it on its own, so a merge never hides a critical detection under a low one.
    private bool WouldLowerSeverity(InvestigationRecord active, NormalizedAlert alert) =>
        SourceSeverityFloor.Of(alert, policy.Current.Triage) is { } own
        && own > (active.Triage?.PlanningSeverity() ?? active.PrimaryAlert.SourceSeverity ?? Severity.Informational);

    private async Task<(IntakeRecord Intake, InvestigationRecord Investigation)> MergeAsync(InvestigationRecord active, NormalizedAlert alert, string inputKey, string fingerprint, CancellationToken cancellationToken)
    {
        var reason = $"duplicate of alert {active.PrimaryAlert.AlertId} (fingerprint {fingerprint[..12]})";
        var intake = NewIntake(inputKey, IntakeStatus.Merged, active.Id, alert, reason);
        var alreadyHeld = active.Alerts.Any(a => a.AlertId == alert.AlertId && a.SourceFormat == alert.SourceFormat);
        if (!alreadyHeld && active.Alerts.Count >= MaxAlertsHeld)
        {
            // An alert storm: the investigation keeps its first alerts whole and counts the rest, so one noisy rule
            // cannot make every later merge slower and the record unboundedly large.
            var counted = active with
            {
                SuppressedDuplicates = active.SuppressedDuplicates + 1,
                Timeline = active.SuppressedDuplicates == 0
                    ? [.. active.Timeline, writer.Entry("triage", $"Alert storm: holding {MaxAlertsHeld} alerts; further duplicates are counted, not stored")]
                    : active.Timeline,
            };
            return (intake, recent.Remember(await writer.SaveAndAnnounceAsync(counted, intake,
                [writer.Message(counted, MessageType.InvestigationUpdated, $"duplicate alert counted ({counted.SuppressedDuplicates + 1} beyond the {MaxAlertsHeld} held)")], cancellationToken)));
        }
        var merged = active with
        {
            Alerts = alreadyHeld ? active.Alerts : [.. active.Alerts, alert],
            Timeline = [.. active.Timeline, writer.Entry("triage", $"Duplicate alert {alert.AlertId} ({alert.SourceFormat}) merged: {reason}")],
        };
        // The report is rewritten when the duplicate brings something new to it (an observable not yet in the
        // investigation, or an ATT&CK technique its source reports that the report lacks); one that repeats what is known
        // only adds a timeline line, picked up by the next rewrite.
        var known = active.AllObservables.ToHashSet();
        var reported = active.Incident?.Mitre.Select(m => m.TechniqueId).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var addsEvidence = !alreadyHeld && (alert.Observables.Any(o => !known.Contains(o)) || alert.SourceTechniques.Any(t => !reported.Contains(t)));
        if (addsEvidence && merged.Incident is not null && InvestigationStateMachine.IsFinished(merged.Stage))
            merged = await writer.RenderAsync(merged, "merged", writeFiles: true, cancellationToken);
        var saved = recent.Remember(await writer.SaveAndAnnounceAsync(merged, intake,
            [writer.Message(merged, MessageType.InvestigationUpdated, $"duplicate alert merged{(addsEvidence ? " with new evidence" : "")}")], cancellationToken));
        OrchestrationLog.AlertMerged(logger, alert.AlertId, active.Id, fingerprint[..12]);
        return (intake, saved);
    }

    // The dead letter and its ledger row are written in one transaction: a process killed in between cannot store the
    // input's dead letter and leave it untaken, so a rerun never dead-letters it twice.
    private async Task<(IntakeRecord Intake, bool AlreadyRecorded)> DeadLetterAsync(string inputKey, string payload, string reason, string? format, CancellationToken cancellationToken)
    {
        var intake = new IntakeRecord
        {
            InputKey = inputKey,
            Status = IntakeStatus.DeadLettered,
            Format = format,
            Reason = reason,
            RecordedAt = time.GetUtcNow(),
        };
        var letter = new DeadLetter
        {
            Source = inputKey,
            Reason = reason,
            Payload = payload,
            PayloadSha256 = TextHash.Sha256Hex(payload),
            CreatedAt = time.GetUtcNow(),
        };
        if (!await store.RecordDeadLetterAsync(intake, letter, cancellationToken))
            return (await store.GetIntakeAsync(inputKey, cancellationToken) ?? intake, true);
        OrchestrationLog.DeadLettered(logger, inputKey, reason);
        return (intake, false);
    }

    private IntakeRecord NewIntake(string inputKey, IntakeStatus status, string? investigationId, NormalizedAlert alert, string? reason) => new()
    {
        InputKey = inputKey,
        Status = status,
        InvestigationId = investigationId,
        AlertId = alert.AlertId,
        Format = alert.SourceFormat,
        Reason = reason,
        RecordedAt = time.GetUtcNow(),
    };

    private InvestigationRecord NewInvestigation(string id, string fingerprint, NormalizedAlert alert, IngestContext context)
    {
        // The final mode is chosen after triage (it may depend on severity); until then the entry's default applies.
        var mode = context.Playbook is { } playbook ? playbook.Default : context.DefaultMode;
        var now = time.GetUtcNow();
        return new InvestigationRecord
        {
            Id = id,
            Fingerprint = fingerprint,
            Stage = InvestigationStage.Received,
            Alerts = [alert],
            Mode = mode,
            Playbook = context.Playbook,
            Source = context.Source,
            Timeline = [new TimelineEntry(alert.Timestamp, "alert", $"Alert raised: {alert.Title}"), new TimelineEntry(now, "intake", ReceivedNote(alert))],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    // A payload that repeats a key is read with the last value of each; the analyst sees that it did, since another
    // reader of the same payload (a SIEM, a SOAR) may have shown the first.
    private static string ReceivedNote(NormalizedAlert alert) =>
        alert.Attributes.TryGetValue("duplicate_keys", out var repeated)
            ? $"Received from {alert.SourceFormat}; the payload repeats keys: {repeated}"
            : $"Received from {alert.SourceFormat}";

    // The id derives from the input key, so a rerun after a crash between "create" and "run" finds the same investigation.
    private static string InvestigationIdFor(string inputKey) => "inv-" + TextHash.Sha256Hex(inputKey)[..16];
}
