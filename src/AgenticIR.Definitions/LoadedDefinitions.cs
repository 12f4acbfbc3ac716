using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Playbooks;

namespace AgenticIR.Definitions;

/// <summary>Every definition file, loaded and validated together.</summary>
/// <param name="Set">The policy and the action catalog.</param>
/// <param name="Normalizer">The mappings.</param>
/// <param name="Soar">The SOAR instances (none without <c>soar.yaml</c>).</param>
/// <param name="Playbooks">The playbook entries, or null without <c>playbooks.yaml</c>.</param>
public sealed record LoadedDefinitions(DefinitionSet Set, MappingNormalizer Normalizer, SoarInstanceSet Soar, PlaybookCatalog? Playbooks);
