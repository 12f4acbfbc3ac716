using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>What a connector file says about Cortex XSOAR: a binding, or an explicit reason why none exists.</summary>
/// <param name="Binding">The binding, when the file has one.</param>
/// <param name="Unsupported">The reason no integration command performs the action, when the file says so.</param>
/// <param name="Location">Where <c>platforms.xsoar</c> is written, for cross-file checks.</param>
internal sealed record XsoarPlatform(XsoarBinding? Binding, string? Unsupported, YamlLocation Location);
