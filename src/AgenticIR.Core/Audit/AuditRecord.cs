namespace AgenticIR.Core.Audit;

/// <summary>One appended audit record: the entry, its place in the chain and the hashes that link it.</summary>
/// <param name="Sequence">1-based position in the chain.</param>
/// <param name="Timestamp">When it was appended.</param>
/// <param name="Entry">What was recorded.</param>
/// <param name="PreviousHash">Hash of the record before (the anchor's hash for the first record after a pruning; 64 zeros at the start).</param>
/// <param name="Hash">SHA-256 (hex) over the canonical encoding of this record including <paramref name="PreviousHash"/>.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset Timestamp, AuditEntry Entry, string PreviousHash, string Hash);
