using AgenticIR.Core.Policy;

namespace AgenticIR.Definitions.Policy;

/// <summary>The outcome of reading a policy file, with the locations of every action it names.</summary>
internal sealed record PolicyReadResult(GovernancePolicy? Policy, IReadOnlyList<DefinitionError> Errors, IReadOnlyList<GateReference> ActionReferences);
