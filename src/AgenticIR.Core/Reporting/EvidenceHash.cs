namespace AgenticIR.Core.Reporting;

/// <summary>SHA-256 of one piece of evidence, for chain of custody.</summary>
public sealed record EvidenceHash(string Item, string Sha256);
