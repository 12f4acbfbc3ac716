using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    private static readonly HashSet<string> ArtifactReadOnly = new(StringComparer.Ordinal)
    {
        "id", "container", "container_id", "create_time", "update_time",
    };

    public SimReply ListArtifacts(ListQuery query) => ListOf(_artifacts, query);

    public SimReply ListContainerArtifacts(long containerId, ListQuery query) =>
        ContainerExists(containerId) ? ListOf(_artifacts, query, a => Json.Long(a, "container") == containerId) : SimReply.NotFound();

    public SimReply GetArtifact(long id) => OneOf(_artifacts, id);

    public SimReply CreateArtifact(JsonObject body)
    {
        lock (_gate) return AddArtifactLocked(body);
    }

    /// <summary>Adds an artifact. The same source data identifier twice in one container is a duplicate: SOAR answers
    /// 400 with <c>existing_artifact_id</c> (the Phantom app reads it from the failed answer).</summary>
    private SimReply AddArtifactLocked(JsonObject body)
    {
        var containerId = Json.Long(body, "container_id") ?? Json.Long(body, "container");
        if (containerId is null) return SimReply.BadRequest("Artifact 'container_id' is required");
        if (!_containers.TryGetValue(containerId.Value, out var container)) return SimReply.BadRequest($"Invalid container_id {containerId}: container not found");
        var sdi = Json.Str(body, "source_data_identifier");
        var duplicate = sdi is null ? null : _artifacts.Values.FirstOrDefault(a =>
            Json.Long(a, "container") == containerId && Json.Str(a, "source_data_identifier") == sdi);
        if (duplicate is not null)
        {
            return new SimReply(400, new JsonObject
            {
                ["existing_artifact_id"] = Json.Long(duplicate, "id"),
                ["failed"] = true,
                ["message"] = "artifact already exists",
            });
        }
        var id = NextId("artifact");
        var now = Now();
        var artifact = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (!ArtifactReadOnly.Contains(key)) artifact[key] = value?.DeepClone();
        }
        artifact["id"] = id;
        artifact["container"] = containerId;
        artifact["container_id"] = containerId;
        artifact.TryAdd("name", "artifact");
        artifact.TryAdd("label", "event");
        artifact.TryAdd("severity", "medium");
        artifact.TryAdd("type", Json.Str(artifact, "label"));
        artifact.TryAdd("source_data_identifier", sdi);
        artifact.TryAdd("cef", new JsonObject());
        artifact.TryAdd("cef_types", new JsonObject());
        artifact.TryAdd("tags", new JsonArray());
        artifact.TryAdd("data", new JsonObject());
        artifact.TryAdd("description", "");
        artifact.TryAdd("run_automation", false);
        artifact.TryAdd("owner_id", null);
        artifact["create_time"] = Json.Str(body, "create_time") ?? now;
        artifact.TryAdd("start_time", artifact["create_time"]!.DeepClone());
        artifact["update_time"] = now;
        _artifacts[id] = artifact;

        container["artifact_count"] = (Json.Long(container, "artifact_count") ?? 0) + 1;
        TouchContainerLocked(containerId.Value, artifacts: true);
        return SimReply.Success(id);
    }

    /// <summary><c>POST /rest/artifact/{id}</c>: replaces the given fields (<c>cef</c> wholesale, as SOAR does).</summary>
    public SimReply UpdateArtifact(long id, JsonObject body)
    {
        lock (_gate)
        {
            if (!_artifacts.TryGetValue(id, out var artifact)) return SimReply.NotFound();
            foreach (var (key, value) in body)
            {
                if (!ArtifactReadOnly.Contains(key)) artifact[key] = value?.DeepClone();
            }
            artifact["update_time"] = Now();
            TouchContainerLocked(Json.Long(artifact, "container") ?? 0, artifacts: true);
            return SimReply.Success(id);
        }
    }
}
