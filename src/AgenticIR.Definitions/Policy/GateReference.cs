using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Where the policy names a logical action, so cross-checks against the catalog can point at the line.</summary>
internal sealed record GateReference(string Action, YamlLocation Location);
