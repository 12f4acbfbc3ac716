using System.Text.Json;
using System.Text.Json.Nodes;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Intake;

/// <summary>Builds the payload the <c>soar_container</c> mapping reads: the container as the SOAR returned it, with its
/// artifacts inline under <c>artifacts</c> (the shape of a container export).</summary>
internal static class ContainerPayload
{
    /// <summary>The container with <paramref name="artifacts"/> inline.</summary>
    /// <param name="container">Container as read.</param>
    /// <param name="artifacts">Artifacts to include (the bridge's own are left out by the caller).</param>
    /// <param name="alertIdSuffix">Appended to the container's identifier when the payload carries only the artifacts
    /// added since the container was taken, so that alert is told apart from the first one.</param>
    public static string Build(SoarContainer container, IReadOnlyList<SoarArtifact> artifacts, string? alertIdSuffix = null)
    {
        var json = container.Raw.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(container.Raw.GetRawText())!.AsObject()
            : [];
        // A thin answer (e.g. without `pretty`) still carries what the mapping needs.
        json["id"] ??= container.Id;
        json["name"] ??= container.Name;
        json["label"] ??= container.Label;
        if (container.Severity is not null) json["severity"] ??= container.Severity;
        if (container.SourceDataIdentifier is not null) json["source_data_identifier"] ??= container.SourceDataIdentifier;
        json["artifacts"] = new JsonArray([.. artifacts.Select(Node)]);
        if (alertIdSuffix is not null)
            json["source_data_identifier"] = (container.SourceDataIdentifier ?? container.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) + alertIdSuffix;
        return json.ToJsonString();
    }

    private static JsonNode Node(SoarArtifact artifact)
    {
        if (artifact.Raw.ValueKind == JsonValueKind.Object) return JsonNode.Parse(artifact.Raw.GetRawText())!;
        return new JsonObject { ["id"] = artifact.Id, ["name"] = artifact.Name, ["label"] = artifact.Label, ["severity"] = artifact.Severity };
    }
}
