using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Reads the <c>platforms</c> section of a connector file: the Splunk SOAR and the Cortex XSOAR bindings.</summary>
internal static class PlatformsReader
{
    public const string Key = "platforms";

    private static readonly string[] Keys = ["splunk_soar", "xsoar"];

    /// <summary>
    /// The Splunk SOAR binding, or null when absent or invalid, and in <paramref name="xsoar"/> what the file says about
    /// XSOAR (null when absent or invalid). Invalid bindings are reported on <paramref name="r"/>.
    /// </summary>
    public static SplunkSoarBinding? Read(NodeReader r, YamlMap root, ActionKind? kind, out XsoarPlatform? xsoar)
    {
        var platforms = r.OptionalMap(root, Key);
        if (platforms is not null) r.AllowOnly(platforms, Keys);

        xsoar = platforms is not null && NodeReader.Optional(platforms, "xsoar") is { } xsoarNode
            ? XsoarBindingReader.Read(r, xsoarNode, kind)
            : null;

        var soarNode = platforms is null ? null : NodeReader.Optional(platforms, "splunk_soar");
        if (soarNode is null)
        {
            if (kind == ActionKind.Enrichment)
            {
                // Findings come only from parsed results, so an enrichment without a binding could never produce one.
                r.Error(platforms?.Node ?? root.Node, "platforms.splunk_soar",
                    "an enrichment action needs a Splunk SOAR binding with results (see connectors/README.md, Platform bindings)");
            }
            return null;
        }
        return r.AsMap(soarNode, "platforms.splunk_soar") is { } map ? SplunkSoarBindingReader.Read(r, map, kind) : null;
    }
}
