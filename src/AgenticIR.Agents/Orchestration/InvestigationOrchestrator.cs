using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Drives each investigation through the state machine. Every stage is saved before the next starts, so a
/// process killed at any point resumes each investigation from its last saved stage and repeats no finished stage. Every
/// save but the investigation loop's checkpoints carries its outbox messages, which are the only way a change reaches
/// audit, metrics and SOAR write-back.</summary>
public sealed partial class InvestigationOrchestrator(
    IStateStore store,
    IMessageBus bus,
    PipelineAgents agents,
    IReportSink reports,
    IPolicyProvider policy,
    ResponseExecutor executor,
    TimeProvider time,
    ILogger<InvestigationOrchestrator> logger,
    IApprovalRequestRecorder? approvalRequests = null) : IInvestigationContinuation, IAlertIntake
{
    private const int MaxConflictRetries = 5;

    /// <summary>Alerts an investigation keeps whole; later duplicates are counted in <see cref="InvestigationRecord.SuppressedDuplicates"/>.</summary>
    public const int MaxAlertsHeld = 25;

    // Reports are written in the background; a crash can only lose those of the last moments, so a restart checks
    // the most recent investigations rather than all of them.
    private const int RecentReportsChecked = 500;

    private const int RecentCacheSize = 1024;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, InvestigationRecord> _recent = new(StringComparer.Ordinal);

    /// <summary>Meter name for stage timings (histogram <c>agentic_ir.stage.duration</c> in ms, tag <c>stage</c>).</summary>
    public const string MeterName = "AgenticIR.Agents";

    private static readonly Meter StageMeter = new(MeterName);
    private static readonly Histogram<double> StageDuration = StageMeter.CreateHistogram<double>("agentic_ir.stage.duration", "ms", "Time to complete one investigation stage");

    /// <summary>Takes one input exactly once: dead-letters it, merges it into the active investigation it duplicates,
    /// or opens a new investigation and runs it to the end (or to a wait for approval).</summary>
    public Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, PlaybookMode mode, CancellationToken cancellationToken) =>
        IngestAsync(inputKey, raw, normalized, new IngestContext(null, null, mode), cancellationToken);

    /// <summary>Takes one input exactly once, beside a playbook entry and with the platform record it came from
    /// (<see cref="IngestContext.MergeDuplicates"/> false: never into another input's investigation).</summary>
    public async Task<IngestOutcome> IngestAsync(string inputKey, RawAlert raw, NormalizationResult normalized, IngestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputKey);
        var previous = await store.GetIntakeAsync(inputKey, cancellationToken);
        if (previous is not null)
        {
            // Taken by an earlier run; that run may have died mid-pipeline, so finish the investigation.
            var finished = previous.InvestigationId is null ? null : await RunToRestAsync(previous.InvestigationId, cancellationToken);
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
                var active = context.MergeDuplicates ? await FindDuplicateTargetAsync(fingerprint, alert, cancellationToken) : null;
                if (active is not null)
                {
                    var started = time.GetTimestamp();
                    var (mergeIntake, merged) = await MergeAsync(active, alert, inputKey, fingerprint, cancellationToken);
                    StageDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", "merge"));
                    return new IngestOutcome(mergeIntake, false, merged);
                }

                var intake = NewIntake(inputKey, IntakeStatus.Processed, InvestigationIdFor(inputKey), alert, null);
                var created = await store.CreateAsync(NewInvestigation(intake.InvestigationId!, fingerprint, alert, context), intake, cancellationToken);
                return new IngestOutcome(intake, false, await AdvanceToRestAsync(created, cancellationToken));
            }
            catch (ConcurrencyConflictException ex) when (attempt < MaxConflictRetries)
            {
                _recent.TryRemove(fingerprint, out _);
                OrchestrationLog.ConcurrencyRetry(logger, ex.InvestigationId);
            }
        }
    }

    /// <summary>Adds an input to a given investigation (e.g. new artifacts on a SOAR container already under
    /// investigation), exactly once per input key, whatever its fingerprint.</summary>
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

    /// <summary>Continues an investigation waiting for approval: dispatches what is approved and, when nothing is
    /// pending any more, finishes it. Does nothing for an investigation in any other stage.</summary>
    public async Task ContinueAsync(string investigationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await store.GetAsync(investigationId, cancellationToken);
            if (record?.Stage != InvestigationStage.AwaitingApproval || record.Plan is null) return;
            try
            {
                var next = await ResumeResponseAsync(record, cancellationToken);
                if (next.Stage != InvestigationStage.AwaitingApproval) await AdvanceToRestAsync(next, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException ex) when (attempt < MaxConflictRetries)
            {
                OrchestrationLog.ConcurrencyRetry(logger, ex.InvestigationId);
            }
        }
    }

    /// <summary>Runs every unfinished investigation that is not waiting for a human, and rewrites the report of any
    /// recent finished investigation whose report a crash left unwritten.</summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        // What a killed run saved but did not deliver goes out first, so each investigation's messages stay in order.
        await bus.RedeliverAsync(cancellationToken);
        var ids = await store.ListUnfinishedAsync(cancellationToken);
        if (ids.Count > 0) OrchestrationLog.Resuming(logger, ids.Count);
        var resumed = 0;
        foreach (var id in ids)
        {
            if (await RunAsync(id, cancellationToken)) resumed++;
        }
        foreach (var recent in await store.ListAsync(RecentReportsChecked, cancellationToken))
        {
            if (recent.Incident is not null && IsResting(recent.Stage) && !reports.Has(recent.Id))
                await RenderAsync(recent, recent.Incident.Stage, writeFiles: true, cancellationToken);
        }
        await reports.FlushAsync(cancellationToken);
        return resumed;
    }

    /// <summary>Waits until every report accepted so far is written and every delivery so far is marked in the outbox.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await reports.FlushAsync(cancellationToken);
        await bus.FlushAsync(cancellationToken);
    }

    /// <summary>Advances one investigation until it is documented or waits for approval. Returns false when a stage failed
    /// (the failure is logged and dead-lettered; the investigation stays at its stage for the next run).</summary>
    public async Task<bool> RunAsync(string investigationId, CancellationToken cancellationToken)
    {
        var record = await RunToRestAsync(investigationId, cancellationToken);
        return record is not null && IsResting(record.Stage);
    }

    private async Task<InvestigationRecord?> RunToRestAsync(string investigationId, CancellationToken cancellationToken) =>
        await store.GetAsync(investigationId, cancellationToken) is { } record ? await AdvanceToRestAsync(record, cancellationToken) : null;

    // Returns the record as last saved: at rest (documented or awaiting approval), or at the stage that failed.
    private async Task<InvestigationRecord?> AdvanceToRestAsync(InvestigationRecord? record, CancellationToken cancellationToken)
    {
        var investigationId = record?.Id ?? "";
        while (record is not null && !IsResting(record.Stage))
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["InvestigationId"] = record.Id, ["AlertId"] = record.PrimaryAlert.AlertId });
#pragma warning disable CA1031 // stage boundary: a failing agent must not take the worker down; the failure is recorded and the stage retried on the next run
            try
            {
                var started = time.GetTimestamp();
                var next = await AdvanceAsync(record, cancellationToken);
                StageDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", StageName(record.Stage)));
                OrchestrationLog.StageCompleted(logger, next.Id, next.Stage);
                record = next;
                Remember(next);
            }
            catch (ConcurrencyConflictException)
            {
                OrchestrationLog.ConcurrencyRetry(logger, investigationId);
                record = await store.GetAsync(investigationId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OrchestrationLog.StageFailed(logger, record.Id, record.Stage, ex);
                await DeadLetterStageAsync(record, ex, cancellationToken);
                return record;
            }
#pragma warning restore CA1031
        }
        return record;
    }

    private InvestigationRecord Remember(InvestigationRecord record)
    {
        // Bounded: a full cache starts over, which costs one store read per fingerprint, never correctness.
        if (_recent.Count >= RecentCacheSize) _recent.Clear();
        _recent[record.Fingerprint] = record;
        return record;
    }

    private static string StageName(InvestigationStage leaving) => leaving switch
    {
        InvestigationStage.Received => "triage",
        InvestigationStage.Triaged or InvestigationStage.Investigating => "investigation",
        InvestigationStage.Investigated => "plan_and_shadow_response",
        InvestigationStage.Planned => "response",
        InvestigationStage.Responded => "documentation_learning",
        _ => "transition",
    };

    private static bool IsResting(InvestigationStage stage) =>
        InvestigationStateMachine.IsFinished(stage) || stage == InvestigationStage.AwaitingApproval;

    private async Task<InvestigationRecord?> FindDuplicateTargetAsync(string fingerprint, NormalizedAlert alert, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(policy.Current.Triage.DedupWindowMinutes);
        var since = time.GetUtcNow() - window;
        // The last saved state of a recently active investigation is kept in memory; if another worker saved since,
        // the merge's save fails its version check, the entry is dropped and the store is asked again.
        var active = _recent.TryGetValue(fingerprint, out var cached) && cached.CreatedAt >= since
            ? cached
            : await store.FindActiveByFingerprintAsync(fingerprint, since, cancellationToken);
        // Duplicates are the same incident reported again: their own activity times must be close too, so a replay of
        // last month's alert does not join today's investigation just because both were ingested today.
        return active is not null && (alert.Timestamp - active.PrimaryAlert.Timestamp).Duration() <= window && !WouldLowerSeverity(active, alert) ? active : null;
    }

    // A merged alert takes the investigation's severity: it may join only an investigation at least as severe as the
    // lowest severity triage could give it on its own, so a merge never hides a critical detection under a low one.
    private bool WouldLowerSeverity(InvestigationRecord active, NormalizedAlert alert) =>
        SourceSeverityFloor.Of(alert, policy.Current.Triage) is { } own
        && own > (active.Triage?.Severity ?? active.PrimaryAlert.SourceSeverity ?? Severity.Informational);

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
                    ? [.. active.Timeline, Entry("triage", $"Alert storm: holding {MaxAlertsHeld} alerts; further duplicates are counted, not stored")]
                    : active.Timeline,
            };
            return (intake, Remember(await SaveAndAnnounceAsync(counted, intake,
                [Message(counted, MessageType.InvestigationUpdated, $"duplicate alert counted ({counted.SuppressedDuplicates + 1} beyond the {MaxAlertsHeld} held)")], cancellationToken)));
        }
        var merged = active with
        {
            Alerts = alreadyHeld ? active.Alerts : [.. active.Alerts, alert],
            Timeline = [.. active.Timeline, Entry("triage", $"Duplicate alert {alert.AlertId} ({alert.SourceFormat}) merged: {reason}")],
        };
        // The report is rewritten when the duplicate brings something new to it (an observable not yet in the
        // investigation, or an ATT&CK technique its source reports that the report lacks); one that repeats what is known
        // only adds a timeline line, picked up by the next rewrite.
        var known = active.AllObservables.ToHashSet();
        var reported = active.Incident?.Mitre.Select(m => m.TechniqueId).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var addsEvidence = !alreadyHeld && (alert.Observables.Any(o => !known.Contains(o)) || alert.SourceTechniques.Any(t => !reported.Contains(t)));
        if (addsEvidence && merged.Incident is not null && InvestigationStateMachine.IsFinished(merged.Stage))
            merged = await RenderAsync(merged, "merged", writeFiles: true, cancellationToken);
        var saved = Remember(await SaveAndAnnounceAsync(merged, intake,
            [Message(merged, MessageType.InvestigationUpdated, $"duplicate alert merged{(addsEvidence ? " with new evidence" : "")}")], cancellationToken));
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
            PayloadSha256 = Sha256(payload),
            CreatedAt = time.GetUtcNow(),
        };
        if (!await store.RecordDeadLetterAsync(intake, letter, cancellationToken))
            return (await store.GetIntakeAsync(inputKey, cancellationToken) ?? intake, true);
        OrchestrationLog.DeadLettered(logger, inputKey, reason);
        return (intake, false);
    }

    // The dead letter and its StageFailed message commit together, so whoever counts failures (agent health) hears of
    // each one through the outbox, after a crash too.
    private async Task DeadLetterStageAsync(InvestigationRecord record, Exception ex, CancellationToken cancellationToken)
    {
        var payload = $"investigation {record.Id} at stage {record.Stage} (version {record.Version})";
        var now = time.GetUtcNow();
        var failed = StageFailure.Message(record, ex.GetType().Name, now);
        await store.AddDeadLetterAsync(new DeadLetter
        {
            Source = $"stage:{record.Stage}",
            Reason = $"{ex.GetType().Name}: {ex.Message}",
            Payload = payload,
            PayloadSha256 = Sha256(payload),
            CreatedAt = now,
        }, [failed], cancellationToken);
        await bus.DeliverAsync(failed with { Record = record }, cancellationToken);
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
    private static string InvestigationIdFor(string inputKey) => "inv-" + Sha256(inputKey)[..16];

    private TimelineEntry Entry(string stage, string description) => new(time.GetUtcNow(), stage, description);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private BusMessage Message(InvestigationRecord record, MessageType type, string summary, string? suffix = null) =>
        InvestigationMessages.Create(record, type, summary, time.GetUtcNow(), suffix);
}
