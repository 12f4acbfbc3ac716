using AgenticIR.Core.Bus;

namespace AgenticIR.Core.Audit;

/// <summary>The append-only, hash-chained audit trail. Appends are serialized so the chain has one order.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry and returns the stored record.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends entries in the given order and returns their stored records in that order. A log that can should write
    /// them together (one transaction, consecutive sequences); this default appends them one at a time, which keeps the
    /// order but neither adjacency nor atomicity.</summary>
    async Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = new AuditRecord[entries.Count];
        for (var i = 0; i < entries.Count; i++) records[i] = await AppendAsync(entries[i], cancellationToken);
        return records;
    }

    /// <summary>Appends entries for a bus message once: when <paramref name="receipt"/> is already kept, nothing is written
    /// and the result is empty; otherwise the entries are appended and the receipt kept in the same transaction, so a
    /// message delivered again after a crash is not audited twice. This default cannot keep receipts and appends every
    /// time; a log that can should override it.</summary>
    Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, DeliveryReceipt receipt, CancellationToken cancellationToken) =>
        AppendBatchAsync(entries, cancellationToken);
}
