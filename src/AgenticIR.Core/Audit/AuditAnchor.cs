namespace AgenticIR.Core.Audit;

/// <summary>What a retention pruning removed, signed off by a person, so the remaining chain still verifies from here.</summary>
/// <param name="PrunedThroughSequence">The last sequence removed; the first remaining record follows it.</param>
/// <param name="LastPrunedHash">Hash of that last removed record: the first remaining record's previous hash.</param>
/// <param name="Count">How many records this pruning removed.</param>
/// <param name="PrunedAt">When the pruning ran.</param>
/// <param name="SignedOffBy">Who authorised it.</param>
/// <param name="PreviousAnchorHash">The anchor hash of the pruning before (64 zeros for the first), so anchors form a chain too.</param>
/// <param name="RecordSequence">Sequence of the <c>audit_pruned</c> record appended to the chain for this pruning.</param>
/// <param name="AnchorHash">SHA-256 (hex) over <see cref="AuditCanonicalEncoding.ComputeAnchorHash"/>.</param>
public sealed record AuditAnchor(
    long PrunedThroughSequence,
    string LastPrunedHash,
    long Count,
    DateTimeOffset PrunedAt,
    string SignedOffBy,
    string PreviousAnchorHash,
    long RecordSequence,
    string AnchorHash);
