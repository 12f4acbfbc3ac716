namespace AgenticIR.Core.Investigation;

/// <summary>A host in the blast radius.</summary>
public sealed record AffectedAsset(string Host, string Criticality, string? BusinessService);
