namespace AgenticIR.Core.Audit;

/// <summary>The result of walking the whole chain.</summary>
/// <param name="IsIntact">True when every record and anchor checked out.</param>
/// <param name="RecordsVerified">Records checked before the first problem (all of them when intact).</param>
/// <param name="FirstBadSequence">The first record that is wrong (or missing); null when intact or when the problem is an anchor without a record.</param>
/// <param name="Problem">What is wrong with it, in words; null when intact.</param>
/// <param name="HeadSequence">Sequence of the last record read (0 for an empty trail). Keep it with <paramref name="HeadHash"/>
/// outside the database: a chain cannot by itself prove that nobody removed records from its end.</param>
/// <param name="HeadHash">Hash of the last record read (the anchor's or the genesis hash when there is none).</param>
/// <param name="Anchor">The latest pruning anchor the chain starts from, if any.</param>
public sealed record AuditVerification(
    bool IsIntact,
    long RecordsVerified,
    long? FirstBadSequence,
    string? Problem,
    long HeadSequence,
    string HeadHash,
    AuditAnchor? Anchor);
