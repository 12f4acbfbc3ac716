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
}
