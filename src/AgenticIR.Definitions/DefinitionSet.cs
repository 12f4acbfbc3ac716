using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Catalog;

namespace AgenticIR.Definitions;

/// <summary>The governance policy and the action catalog, validated together; immutable once loaded.</summary>
/// <param name="Policy">The governance policy.</param>
/// <param name="Catalog">The logical actions from <c>connectors/</c>.</param>
public sealed record DefinitionSet(GovernancePolicy Policy, ActionCatalog Catalog);
