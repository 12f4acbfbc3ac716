using System.Globalization;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>The names and keys the bridge writes and recognizes on a Splunk SOAR instance.</summary>
internal static class SoarBridgeNames
{
    /// <summary>Platform name in <see cref="Core.State.SourceReference"/> and approver identities.</summary>
    public const string Platform = "splunk_soar";

    /// <summary>Label of the artifacts the bridge writes (findings).</summary>
    public const string FindingLabel = "agentic_ir_finding";

    /// <summary>Prefix of every <c>source_data_identifier</c> the bridge writes.</summary>
    public const string SdiPrefix = "agentic-ir:";

    /// <summary>Mapping the containers are normalized with.</summary>
    public const string ContainerFormat = "soar_container";

    public static string ContainerInputKey(string instance, long containerId) =>
        string.Create(CultureInfo.InvariantCulture, $"splunk_soar:{instance}:container:{containerId}");

    public static string ArtifactsInputKey(string instance, long containerId, long maxArtifactId) =>
        string.Create(CultureInfo.InvariantCulture, $"splunk_soar:{instance}:container:{containerId}:artifacts:{maxArtifactId}");

    public static string AlertSource(string instance, long containerId) =>
        string.Create(CultureInfo.InvariantCulture, $"splunk_soar:{instance}/container/{containerId}");

    public static string FindingSdi(string investigationId, string findingId) => $"{SdiPrefix}{investigationId}:finding:{findingId}";

    /// <summary>True for artifacts the bridge wrote itself: they are never read back as alert content.</summary>
    public static bool IsOwnArtifact(Api.SoarArtifact artifact) =>
        string.Equals(artifact.Label, FindingLabel, StringComparison.OrdinalIgnoreCase)
        || (artifact.SourceDataIdentifier?.StartsWith(SdiPrefix, StringComparison.OrdinalIgnoreCase) ?? false);
}
