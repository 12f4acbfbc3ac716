using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Tests.Approvals;

/// <summary>An in-memory state store with the real optimistic-concurrency rule; <see cref="ConflictsBeforeSave"/> lets a
/// test make someone else save first.</summary>
internal sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<string, InvestigationRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Runs once before the next save, inside it: a concurrent writer's change.</summary>
    public Func<InvestigationRecord, InvestigationRecord>? ConflictsBeforeSave { get; set; }

    public InvestigationRecord Put(InvestigationRecord record)
    {
        lock (_lock) return _records[record.Id] = record with { Version = Math.Max(1, record.Version) };
    }

    public InvestigationRecord Current(string id)
    {
        lock (_lock) return _records[id];
    }

    public Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_records.GetValueOrDefault(investigationId));
    }

    public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) =>
        SaveAsync(record, intake, [], cancellationToken);

    public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (ConflictsBeforeSave is { } other)
            {
                ConflictsBeforeSave = null;
                var stored = _records[record.Id];
                _records[record.Id] = other(stored) with { Version = stored.Version + 1 };
            }
            if (_records[record.Id].Version != record.Version) throw new ConcurrencyConflictException(record.Id, record.Version);
            return Task.FromResult(_records[record.Id] = record with { Version = record.Version + 1 });
        }
    }

    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<string>>([.. _records.Values.Where(r => !InvestigationStateMachine.IsFinished(r.Stage)).Select(r => r.Id)]);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) => Task.FromResult(Put(record));
    public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, FingerprintCheck? check, CancellationToken cancellationToken) => Task.FromResult(Put(record));
    public Task<InvestigationRecord?> FindActiveByFingerprintAsync(string fingerprint, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<InvestigationRecord>> ListAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<StageEvent>> ListStageEventsAsync(string investigationId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IntakeRecord?> GetIntakeAsync(string inputKey, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> RecordDeadLetterAsync(IntakeRecord intake, DeadLetter deadLetter, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<long> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task AppendMessageAsync(BusMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<BusMessage>> ListMessagesAsync(string investigationId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task AddProposalAsync(string investigationId, CalibrationProposal proposal, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<ReviewItem>> ListProposalsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
