namespace AgenticIR.Core.Policy;

/// <summary>Compliance mappings.</summary>
public sealed record ComplianceMappings(IReadOnlyDictionary<string, string> Nist80061, IReadOnlyDictionary<string, string> Nist80053);
