namespace AgenticIR.Core.Audit;

/// <summary>The append-only, hash-chained audit trail. Appends are serialized so the chain has one order.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry and returns the stored record.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}
