namespace AgenticIR.Core.Audit;

/// <summary>The audit log plus what operators and auditors need: verification, reading, export input and pruning.</summary>
public interface IAuditTrail : IAuditLog
{
    /// <summary>Walks every record in sequence order, recomputing each hash from the stored fields and checking the links,
    /// the pruning anchors and the anchored head; reports every problem, not only the first. <paramref name="progress"/> receives the count verified so far.</summary>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>As <see cref="VerifyAsync(IProgress{long}?, CancellationToken)"/>, and also checks that the chain still passes
    /// through <paramref name="checkpoint"/>, a record's hash kept outside the store.</summary>
    Task<AuditVerification> VerifyAsync(AuditCheckpoint? checkpoint, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>The head the store anchors (last sequence and hash, record count), or, when that anchor is missing, the
    /// stored end. Exports carry it in their trailer.</summary>
    Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> records from <paramref name="fromSequence"/> on, in sequence order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Streams the matching records in sequence order without loading them all.</summary>
    IAsyncEnumerable<AuditRecord> StreamAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Removes the oldest records, those appended before <paramref name="olderThan"/> (stopping at the first younger
    /// one so the rest stays contiguous), writes a hash-protected anchor signed off by <paramref name="signedOffBy"/> and
    /// appends an <see cref="AuditActionTypes.AuditPruned"/> record.</summary>
    Task<AuditPruneResult> PruneAsync(DateTimeOffset olderThan, string signedOffBy, CancellationToken cancellationToken);
}
