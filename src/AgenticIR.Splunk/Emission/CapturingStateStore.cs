using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Splunk.Heartbeat;

namespace AgenticIR.Splunk.Emission;

/// <summary>The state store, telling <see cref="SavedStateCache"/> what each create and save stored, and the agents' health
/// counters which stage failed (the orchestrator dead-letters a stage that throws). Registered only when metrics are on;
/// every call goes to the inner store unchanged.</summary>
public sealed class CapturingStateStore(IStateStore inner, SavedStateCache cache, AgentHealthTracker? health = null) : IStateStore
{
    /// <inheritdoc />
    public async Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken)
    {
        var stored = await inner.CreateAsync(record, intake, cancellationToken);
        cache.Created(stored);
        return stored;
    }

    /// <inheritdoc />
    public async Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken)
    {
        var saved = await inner.SaveAsync(record, intake, cancellationToken);
        cache.Saved(saved, announced: false);
        return saved;
    }

    /// <inheritdoc />
    public async Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        var saved = await inner.SaveAsync(record, intake, messages, cancellationToken);
        cache.Saved(saved, announced: messages.Count > 0);
        return saved;
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken) => inner.GetAsync(investigationId, cancellationToken);

    /// <inheritdoc />
    public Task<InvestigationRecord?> FindActiveByFingerprintAsync(string fingerprint, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.FindActiveByFingerprintAsync(fingerprint, since, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) => inner.ListUnfinishedAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InvestigationRecord>> ListAsync(int limit, CancellationToken cancellationToken) => inner.ListAsync(limit, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StageEvent>> ListStageEventsAsync(string investigationId, CancellationToken cancellationToken) =>
        inner.ListStageEventsAsync(investigationId, cancellationToken);

    /// <inheritdoc />
    public Task<IntakeRecord?> GetIntakeAsync(string inputKey, CancellationToken cancellationToken) => inner.GetIntakeAsync(inputKey, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RecordDeadLetterAsync(IntakeRecord intake, DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var recorded = await inner.RecordDeadLetterAsync(intake, deadLetter, cancellationToken);
        if (recorded && health is not null)
        {
            foreach (var agent in StageFailures.AgentsOf(deadLetter)) health.RecordError(agent);
        }
        return recorded;
    }

    /// <inheritdoc />
    public async Task<long> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var id = await inner.AddDeadLetterAsync(deadLetter, cancellationToken);
        if (health is not null)
        {
            foreach (var agent in StageFailures.AgentsOf(deadLetter)) health.RecordError(agent);
        }
        return id;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => inner.ListDeadLettersAsync(limit, cancellationToken);

    /// <inheritdoc />
    public Task AppendMessageAsync(BusMessage message, CancellationToken cancellationToken) => inner.AppendMessageAsync(message, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BusMessage>> ListMessagesAsync(string investigationId, CancellationToken cancellationToken) =>
        inner.ListMessagesAsync(investigationId, cancellationToken);

    /// <inheritdoc />
    public Task AddProposalAsync(string investigationId, CalibrationProposal proposal, CancellationToken cancellationToken) =>
        inner.AddProposalAsync(investigationId, proposal, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewItem>> ListProposalsAsync(CancellationToken cancellationToken) => inner.ListProposalsAsync(cancellationToken);
}
