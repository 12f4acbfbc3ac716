using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>A connector file after pass 2, with the locations cross-file checks report against.</summary>
internal sealed record ConnectorEntry(ActionDefinition Action, YamlLocation Kind, YamlLocation? Rollback);
