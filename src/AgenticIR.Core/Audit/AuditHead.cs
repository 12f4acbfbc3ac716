namespace AgenticIR.Core.Audit;

/// <summary>The chain's head as the store anchors it, updated in the same transaction as every append and pruning: the last
/// record's sequence and hash and how many records the store holds. A chain cannot show by itself that records were
/// removed from its end; a head kept beside it (and copied into every export) can.</summary>
/// <param name="Sequence">Sequence of the last record (0 before the first).</param>
/// <param name="Hash">Hash of the last record (64 zeros before the first).</param>
/// <param name="RecordCount">Records the store holds (fewer than <paramref name="Sequence"/> after a pruning).</param>
public sealed record AuditHead(long Sequence, string Hash, long RecordCount);
