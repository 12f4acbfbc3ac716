using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>A connector file after pass 2, with the locations cross-file checks report against.</summary>
/// <param name="Action">The loaded action.</param>
/// <param name="Kind">Where <c>kind</c> is written.</param>
/// <param name="Rollback">Where <c>rollback_action</c> is written, when it is.</param>
/// <param name="Platforms">Where a missing or incomplete binding is reported: the <c>platforms</c> map, or the document root without one.</param>
/// <param name="Xsoar">Where <c>platforms.xsoar</c> is written, when it is.</param>
internal sealed record ConnectorEntry(ActionDefinition Action, YamlLocation Kind, YamlLocation? Rollback, YamlLocation Platforms, YamlLocation? Xsoar);
