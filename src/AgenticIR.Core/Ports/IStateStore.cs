using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Ports;

/// <summary>Persisted state shared by all agents and workers. SQLite and PostgreSQL implement it and pass one contract suite.</summary>
public interface IStateStore
{
    /// <summary>Applies pending schema migrations.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>An investigation by id, or null.</summary>
    Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Inserts a new investigation (version 1) and, in the same transaction, the intake record of the input that opened it.</summary>
    /// <exception cref="ConcurrencyConflictException">The id or the input key already exists.</exception>
    Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) =>
        CreateAsync(record, intake, null, cancellationToken);

    /// <summary>Inserts a new investigation like <see cref="CreateAsync(InvestigationRecord, IntakeRecord?, CancellationToken)"/>,
    /// and with a <paramref name="check"/> only while the newest investigation with the record's fingerprint in the check's
    /// window is still the one the caller saw: the check and the insert are one step for every worker sharing the store
    /// (a per-fingerprint lock), so two duplicates taken at the same moment by two workers open one investigation.</summary>
    /// <exception cref="ConcurrencyConflictException">The id or the input key already exists, or another investigation
    /// with the fingerprint was opened since the caller looked (the caller looks again and merges into it).</exception>
    Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, FingerprintCheck? check, CancellationToken cancellationToken);

    /// <summary>Saves a new state if the stored version still equals <c>record.Version</c>; returns it with the next version. The intake record, if any, is written in the same transaction.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved in between.</exception>
    Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken);

    /// <summary>Saves like <see cref="SaveAsync(InvestigationRecord, IntakeRecord?, CancellationToken)"/> and appends the
    /// bus messages that announce the new state in the same transaction (the outbox, pending until the bus delivered
    /// them): a stage is never saved without its announcement, nor announced without being saved.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved in between.</exception>
    Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken);

    /// <summary>True when <see cref="SaveAsync(InvestigationRecord, IntakeRecord?, IReadOnlyList{BusMessage}, CancellationToken)"/>
    /// appends the audit records a message carries (<see cref="BusMessage.Audit"/>) to the audit trail, chained, with
    /// their receipt, in the save's transaction: a version conflict or a failed append writes neither the state nor the
    /// records. False (this default) for a store whose audit trail is elsewhere; the auditor then appends on delivery.</summary>
    bool AuditsInSave => false;

    /// <summary>The newest unfinished-or-recent investigation with this fingerprint created at or after <paramref name="since"/>.</summary>
    Task<InvestigationRecord?> FindActiveByFingerprintAsync(string fingerprint, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Ids of investigations not yet documented, oldest first.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Recent investigations, newest first.</summary>
    Task<IReadOnlyList<InvestigationRecord>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Stage transitions of one investigation in order.</summary>
    Task<IReadOnlyList<StageEvent>> ListStageEventsAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>The intake record for an input key, or null if never seen.</summary>
    Task<IntakeRecord?> GetIntakeAsync(string inputKey, CancellationToken cancellationToken);

    /// <summary>Records an input as dead-lettered: its intake ledger row and its dead letter in one transaction, so a crash
    /// leaves both or neither and a rerun never stores the same dead letter twice. Idempotent by input key: when the key is
    /// already in the ledger nothing is written.</summary>
    /// <returns>True when both were written; false when the input key was already recorded (by an earlier run or another worker).</returns>
    Task<bool> RecordDeadLetterAsync(IntakeRecord intake, DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Stores a dead letter that has no intake (a failed stage, an undeliverable bus message); returns its id.</summary>
    Task<long> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Stores a dead letter and the messages that announce it (a failed stage's <see cref="MessageType.StageFailed"/>)
    /// in one transaction. This default writes them one after the other, so a store that can should override it.</summary>
    async Task<long> AddDeadLetterAsync(DeadLetter deadLetter, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var id = await AddDeadLetterAsync(deadLetter, cancellationToken);
        foreach (var message in messages) await AppendMessageAsync(message, cancellationToken);
        return id;
    }

    /// <summary>Dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Persists a bus message in the outbox (pending); idempotent by message id.</summary>
    Task AppendMessageAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>Messages of one investigation in order.</summary>
    Task<IReadOnlyList<BusMessage>> ListMessagesAsync(string investigationId, CancellationToken cancellationToken);

    /// <summary>Queues a calibration proposal for human review.</summary>
    Task AddProposalAsync(string investigationId, CalibrationProposal proposal, CancellationToken cancellationToken);

    /// <summary>Pending proposals, oldest first.</summary>
    Task<IReadOnlyList<ReviewItem>> ListProposalsAsync(CancellationToken cancellationToken);
}
