using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.Tests.Shadow;

/// <summary>A state store where someone else always saved first: every save is refused as a version conflict.</summary>
internal sealed class ConflictingStore(IStateStore inner) : IStateStore
{
    public int Refused { get; private set; }

    public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) => Refuse(record);
    public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken) => Refuse(record);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
    public Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken) => inner.GetAsync(investigationId, cancellationToken);
    public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) => inner.CreateAsync(record, intake, cancellationToken);
    public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, FingerprintCheck? check, CancellationToken cancellationToken) => inner.CreateAsync(record, intake, check, cancellationToken);
    public Task<InvestigationRecord?> FindActiveByFingerprintAsync(string fingerprint, DateTimeOffset since, CancellationToken cancellationToken) => inner.FindActiveByFingerprintAsync(fingerprint, since, cancellationToken);
    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) => inner.ListUnfinishedAsync(cancellationToken);
    public Task<IReadOnlyList<InvestigationRecord>> ListAsync(int limit, CancellationToken cancellationToken) => inner.ListAsync(limit, cancellationToken);
    public Task<IReadOnlyList<StageEvent>> ListStageEventsAsync(string investigationId, CancellationToken cancellationToken) => inner.ListStageEventsAsync(investigationId, cancellationToken);
    public Task<IntakeRecord?> GetIntakeAsync(string inputKey, CancellationToken cancellationToken) => inner.GetIntakeAsync(inputKey, cancellationToken);
    public Task<bool> RecordDeadLetterAsync(IntakeRecord intake, DeadLetter deadLetter, CancellationToken cancellationToken) => inner.RecordDeadLetterAsync(intake, deadLetter, cancellationToken);
    public Task<long> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => inner.AddDeadLetterAsync(deadLetter, cancellationToken);
    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => inner.ListDeadLettersAsync(limit, cancellationToken);
    public Task AppendMessageAsync(BusMessage message, CancellationToken cancellationToken) => inner.AppendMessageAsync(message, cancellationToken);
    public Task<IReadOnlyList<BusMessage>> ListMessagesAsync(string investigationId, CancellationToken cancellationToken) => inner.ListMessagesAsync(investigationId, cancellationToken);
    public Task AddProposalAsync(string investigationId, CalibrationProposal proposal, CancellationToken cancellationToken) => inner.AddProposalAsync(investigationId, proposal, cancellationToken);
    public Task<IReadOnlyList<ReviewItem>> ListProposalsAsync(CancellationToken cancellationToken) => inner.ListProposalsAsync(cancellationToken);

    private Task<InvestigationRecord> Refuse(InvestigationRecord record)
    {
        Refused++;
        throw new ConcurrencyConflictException(record.Id, record.Version);
    }
}
