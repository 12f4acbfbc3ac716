using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Logging;
using AgenticIR.Core.Security;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Drives each investigation through the state machine. Every stage is saved before the next starts, so a
/// process killed at any point resumes each investigation from its last saved stage and repeats no finished stage. Every
/// save but the investigation loop's checkpoints carries its outbox messages, which are the only way a change reaches
/// audit, metrics and SOAR write-back.</summary>
public sealed partial class StageRunner : IInvestigationContinuation
{
    private const int MaxConflictRetries = 5;

    // Reports are written in the background; a crash can only lose those of the last moments, so a restart checks
    // the most recent investigations rather than all of them.
    private const int RecentReportsChecked = 500;

    private readonly IStateStore _store;
    private readonly IMessageBus _bus;
    private readonly PipelineAgents _agents;
    private readonly IReportSink _reports;
    private readonly ResponseExecutor _executor;
    private readonly IApprovalRequestRecorder _approvalRequests;
    private readonly TimeProvider _time;
    private readonly ILogger<StageRunner> _logger;
    private readonly InvestigationWriter _writer;
    private readonly RecentInvestigations _recent;
    private readonly IInvestigationClaims _claims;
    private readonly IAgentGate? _gate;

    internal StageRunner(IStateStore store, IMessageBus bus, PipelineAgents agents, IReportSink reports, ResponseExecutor executor,
        IApprovalRequestRecorder approvalRequests, InvestigationWriter writer, RecentInvestigations recent, TimeProvider time, ILogger<StageRunner> logger, IInvestigationClaims? claims = null,
        IAgentGate? gate = null)
    {
        _gate = gate;
        _claims = claims ?? new UnclaimedInvestigations();
        _store = store;
        _bus = bus;
        _agents = agents;
        _reports = reports;
        _executor = executor;
        _approvalRequests = approvalRequests;
        _writer = writer;
        _recent = recent;
        _time = time;
        _logger = logger;
    }

    /// <summary>Continues an investigation waiting for approval: dispatches what is approved and, when nothing is
    /// pending any more, finishes it. Does nothing for an investigation in any other stage.</summary>
    public async Task ContinueAsync(string investigationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await _store.GetAsync(investigationId, cancellationToken);
            if (record?.Stage != InvestigationStage.AwaitingApproval || record.Plan is null) return;
            try
            {
                var next = await ResumeResponseAsync(record, cancellationToken);
                if (next.Stage != InvestigationStage.AwaitingApproval) await AdvanceToRestAsync(next, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException ex) when (attempt < MaxConflictRetries)
            {
                OrchestrationLog.ConcurrencyRetry(_logger, ex.InvestigationId);
            }
        }
    }

    /// <summary>Runs every unfinished investigation that is not waiting for a human, and rewrites the report of any
    /// recent finished investigation whose report a crash left unwritten.</summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        // What a killed run saved but did not deliver goes out first, so each investigation's messages stay in order.
        await _bus.RedeliverAsync(cancellationToken);
        var ids = await _store.ListUnfinishedAsync(cancellationToken);
        if (ids.Count > 0) OrchestrationLog.Resuming(_logger, ids.Count);
        var resumed = 0;
        foreach (var id in ids)
        {
            if (await RunAsync(id, cancellationToken)) resumed++;
        }
        foreach (var recent in await _store.ListAsync(RecentReportsChecked, cancellationToken))
        {
            if (recent.Incident is not null && IsResting(recent.Stage) && !_reports.Has(recent.Id))
                await _writer.RenderAsync(recent, recent.Incident.Stage, writeFiles: true, cancellationToken);
        }
        await _reports.FlushAsync(cancellationToken);
        return resumed;
    }

    /// <summary>Waits until every report accepted so far is written and every delivery so far is marked in the outbox.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _reports.FlushAsync(cancellationToken);
        await _bus.FlushAsync(cancellationToken);
    }

    /// <summary>Advances one investigation until it is documented or waits for approval. Returns false when a stage failed
    /// (the failure is logged and dead-lettered; the investigation stays at its stage for the next run).</summary>
    public async Task<bool> RunAsync(string investigationId, CancellationToken cancellationToken)
    {
        var record = await RunToRestAsync(investigationId, cancellationToken);
        return record is not null && IsResting(record.Stage);
    }

    internal async Task<InvestigationRecord?> RunToRestAsync(string investigationId, CancellationToken cancellationToken) =>
        await _store.GetAsync(investigationId, cancellationToken) is { } record ? await AdvanceToRestAsync(record, cancellationToken) : null;

    /// <summary>Returns the record as last saved: at rest (documented or awaiting approval), or at the stage that failed.</summary>
    internal async Task<InvestigationRecord?> AdvanceToRestAsync(InvestigationRecord? record, CancellationToken cancellationToken)
    {
        var investigationId = record?.Id ?? "";
        if (record is null || IsResting(record.Stage)) return record;
        // Another live worker runs it (it opened it, or took it over): that worker finishes it.
        if (!await _claims.TryClaimAsync(investigationId, cancellationToken))
        {
            OrchestrationLog.HeldElsewhere(_logger, investigationId);
            return record;
        }
        record = await RunClaimedAsync(record, investigationId, cancellationToken);
        if (record is not null && IsResting(record.Stage)) await _claims.ReleaseAsync(investigationId, cancellationToken);
        return record;
    }

    private async Task<InvestigationRecord?> RunClaimedAsync(InvestigationRecord? record, string investigationId, CancellationToken cancellationToken)
    {
        while (record is not null && !IsResting(record.Stage))
        {
            using var scope = _logger.BeginScope(new Dictionary<string, object> { ["InvestigationId"] = record.Id, ["AlertId"] = record.PrimaryAlert.AlertId });
#pragma warning disable CA1031 // stage boundary: a failing agent must not take the worker down; the failure is recorded and the stage retried on the next run
            try
            {
                if (await StandAsideReasonAsync(record, cancellationToken) is { } aside)
                {
                    record = _recent.Remember(await StandAsideAsync(record, aside, cancellationToken));
                    continue;
                }
                var started = _time.GetTimestamp();
                var next = await AdvanceAsync(record, cancellationToken);
                var elapsed = _time.GetElapsedTime(started);
                StageMetrics.Record(StageName(record.Stage), elapsed);
                RecordAgentWork(record.Stage, elapsed);
                OrchestrationLog.StageCompleted(_logger, next.Id, next.Stage);
                record = _recent.Remember(next);
            }
            catch (ConcurrencyConflictException)
            {
                OrchestrationLog.ConcurrencyRetry(_logger, investigationId);
                record = await _store.GetAsync(investigationId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OrchestrationLog.StageFailed(_logger, record.Id, record.Stage, ex);
                await DeadLetterStageAsync(record, ex, cancellationToken);
                return record;
            }
#pragma warning restore CA1031
        }
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

    internal static bool IsResting(InvestigationStage stage) =>
        InvestigationStateMachine.IsFinished(stage) || stage == InvestigationStage.AwaitingApproval;

    // The dead letter and its StageFailed message commit together, so whoever counts failures (agent health) hears of
    // each one through the outbox, after a crash too.
    private async Task DeadLetterStageAsync(InvestigationRecord record, Exception ex, CancellationToken cancellationToken)
    {
        var payload = $"investigation {record.Id} at stage {record.Stage} (version {record.Version})";
        var now = _time.GetUtcNow();
        var failed = StageFailure.Message(record, ex.GetType().Name, now);
        await _store.AddDeadLetterAsync(new DeadLetter
        {
            Source = $"stage:{record.Stage}",
            Reason = $"{ex.GetType().Name}: {ex.Message}",
            Payload = payload,
            PayloadSha256 = TextHash.Sha256Hex(payload),
            CreatedAt = now,
        }, [failed], cancellationToken);
        await _bus.DeliverAsync(failed with { Record = record }, cancellationToken);
    }
}
