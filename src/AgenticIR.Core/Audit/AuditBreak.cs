namespace AgenticIR.Core.Audit;

/// <summary>One problem verification found.</summary>
/// <param name="Sequence">The record that is wrong or missing (the first of a missing run); null when the problem belongs
/// to no one record (a missing head anchor, a record count that does not match).</param>
/// <param name="Problem">What is wrong, in words.</param>
public sealed record AuditBreak(long? Sequence, string Problem);
