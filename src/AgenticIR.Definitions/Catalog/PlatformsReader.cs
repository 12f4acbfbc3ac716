using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Reads the <c>platforms</c> section of a connector file: the Splunk SOAR binding, and XSOAR kept opaque for now.</summary>
internal static class PlatformsReader
{
    public const string Key = "platforms";

    private static readonly string[] Keys = ["splunk_soar", "xsoar"];

    /// <summary>The Splunk SOAR binding, or null when absent or invalid (invalid ones are reported on <paramref name="r"/>).</summary>
    public static SplunkSoarBinding? Read(NodeReader r, YamlMap root, ActionKind? kind)
    {
        var platforms = r.OptionalMap(root, Key);
        if (platforms is not null) r.AllowOnly(platforms, Keys);

        // XSOAR bindings arrive with the XSOAR adapter; until then only their shape (a map) is checked.
        if (platforms is not null && NodeReader.Optional(platforms, "xsoar") is { } xsoar) _ = r.AsMap(xsoar, platforms.FieldOf("xsoar"));

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
