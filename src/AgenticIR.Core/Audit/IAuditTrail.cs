namespace AgenticIR.Core.Audit;

/// <summary>The audit log plus what operators and auditors need: verification, reading, export input and pruning.</summary>
public interface IAuditTrail : IAuditLog
{
    /// <summary>Walks every record in sequence order, recomputing each hash from the stored fields and checking the links
    /// and the pruning anchors; stops at the first problem. <paramref name="progress"/> receives the count verified so far.</summary>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> records from <paramref name="fromSequence"/> on, in sequence order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Streams the matching records in sequence order without loading them all.</summary>
    IAsyncEnumerable<AuditRecord> StreamAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Removes the oldest records, those appended before <paramref name="olderThan"/> (stopping at the first younger
    /// one so the rest stays contiguous), writes a hash-protected anchor signed off by <paramref name="signedOffBy"/> and
    /// appends an <see cref="AuditActionTypes.AuditPruned"/> record.</summary>
    Task<AuditPruneResult> PruneAsync(DateTimeOffset olderThan, string signedOffBy, CancellationToken cancellationToken);
}
