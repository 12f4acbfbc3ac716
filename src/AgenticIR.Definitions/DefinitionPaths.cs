namespace AgenticIR.Definitions;

/// <summary>Where the definition files are: the policy, <c>connectors/</c>, <c>mappings/</c>, <c>soar.yaml</c> and
/// <c>playbooks.yaml</c> (both optional: a missing file means no SOAR instance and no playbook entry).</summary>
/// <param name="Policy">The governance policy file.</param>
/// <param name="Connectors">The connectors folder.</param>
/// <param name="Mappings">The mappings folder.</param>
/// <param name="Soar">The SOAR instances file.</param>
/// <param name="Playbooks">The per-playbook modes file.</param>
public sealed record DefinitionPaths(string Policy, string Connectors, string Mappings, string Soar, string Playbooks);
