namespace AgenticIR.Core.Audit;

/// <summary>A record's sequence and hash kept outside the store (printed by an earlier verify, in an export's trailer, or in
/// the SIEM that received one). Verification checks that the chain still passes through it, which shows a rewrite of the
/// store and its head anchor together, something the store alone cannot show.</summary>
/// <param name="Sequence">The record's sequence.</param>
/// <param name="Hash">Its hash, lower-case hex.</param>
public sealed record AuditCheckpoint(long Sequence, string Hash);
