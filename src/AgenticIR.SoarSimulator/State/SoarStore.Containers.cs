using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    private static readonly HashSet<string> ContainerReadOnly = new(StringComparer.Ordinal)
    {
        "id", "artifacts", "artifact_count", "container_id", "update_time", "container_update_time", "artifact_update_time",
    };

    public SimReply ListContainers(ListQuery query)
    {
        var reply = ListOf(_containers, query);
        foreach (var item in (reply.Body["data"] as JsonArray ?? []).OfType<JsonObject>()) ShapeContainer(item);
        return reply;
    }

    public SimReply GetContainer(long id)
    {
        var reply = OneOf(_containers, id);
        if (reply.Status == 200 && reply.Body is JsonObject container) ShapeContainer(container);
        return reply;
    }

    // The timestamps are still kept (and filtered on); only the answer leaves them out.
    private JsonObject ShapeContainer(JsonObject container)
    {
        if (!OmitContainerUpdateTimes) return container;
        container.Remove("update_time");
        container.Remove("container_update_time");
        return container;
    }

    public bool ContainerExists(long id)
    {
        lock (_gate) return _containers.ContainsKey(id);
    }

    /// <summary><c>POST /rest/container</c>. A second container with the same source data identifier and label is a
    /// duplicate: SOAR answers with <c>existing_container_id</c> and creates nothing.</summary>
    public SimReply CreateContainer(JsonObject body)
    {
        var name = Json.Str(body, "name");
        var label = Json.Str(body, "label");
        if (string.IsNullOrWhiteSpace(name)) return SimReply.BadRequest("Container 'name' is required");
        if (string.IsNullOrWhiteSpace(label)) return SimReply.BadRequest("Container 'label' is required");
        var sdi = Json.Str(body, "source_data_identifier");
        lock (_gate)
        {
            var existing = sdi is null ? null : _containers.Values.FirstOrDefault(c =>
                Json.Str(c, "source_data_identifier") == sdi && Json.Str(c, "label") == label);
            if (existing is not null)
            {
                return SimReply.Ok(new JsonObject
                {
                    ["existing_container_id"] = Json.Long(existing, "id"),
                    ["message"] = "duplicate container found",
                    ["success"] = true,
                });
            }
            var id = NextId("container");
            var now = Now();
            var container = new JsonObject();
            foreach (var (key, value) in body)
            {
                if (!ContainerReadOnly.Contains(key)) container[key] = value?.DeepClone();
            }
            container["id"] = id;
            container.TryAdd("description", "");
            container.TryAdd("severity", "medium");
            container.TryAdd("status", "new");
            container.TryAdd("sensitivity", "amber");
            container.TryAdd("source_data_identifier", sdi);
            container.TryAdd("owner_id", null);
            container.TryAdd("custom_fields", new JsonObject());
            container.TryAdd("tags", new JsonArray());
            container.TryAdd("data", new JsonObject());
            container.TryAdd("container_type", "default");
            container.TryAdd("create_time", now);
            container.TryAdd("start_time", container["create_time"]!.DeepClone());
            container.TryAdd("close_time", null);
            container["update_time"] = now;
            container["container_update_time"] = now;
            container["artifact_update_time"] = now;
            container["artifact_count"] = 0;
            _containers[id] = container;

            var reply = new JsonObject { ["success"] = true, ["id"] = id };
            if (body["artifacts"] is JsonArray artifacts && artifacts.Count > 0)
            {
                var results = new JsonArray();
                for (var i = 0; i < artifacts.Count; i++)
                {
                    if (artifacts[i] is not JsonObject artifact) continue;
                    var copy = (JsonObject)artifact.DeepClone();
                    copy["container_id"] = id;
                    // SOAR sets run_automation on the last inline artifact only, so active playbooks fire once.
                    if (i == artifacts.Count - 1) copy.TryAdd("run_automation", true);
                    results.Add(AddArtifactLocked(copy).Body);
                }
                reply["artifacts"] = results;
            }
            return SimReply.Ok(reply);
        }
    }

    /// <summary><c>POST /rest/container/{id}</c>: changes the given fields; <c>custom_fields</c> merge; closing sets
    /// <c>close_time</c>.</summary>
    public SimReply UpdateContainer(long id, JsonObject body)
    {
        lock (_gate)
        {
            if (!_containers.TryGetValue(id, out var container)) return SimReply.NotFound();
            foreach (var (key, value) in body)
            {
                switch (key)
                {
                    case "custom_fields" when value is JsonObject fields:
                        var merged = container["custom_fields"] as JsonObject ?? new JsonObject();
                        foreach (var (field, fieldValue) in fields) merged[field] = fieldValue?.DeepClone();
                        container["custom_fields"] = merged;
                        break;
                    case "owner_id" or "owner":
                        var owner = value is null ? null : FindUserIdLocked(Json.Text(value));
                        if (value is not null && owner is null) return SimReply.BadRequest($"Invalid owner '{Json.Text(value)}'");
                        container["owner_id"] = owner;
                        break;
                    case "status":
                        SetStatusLocked(container, Json.Text(value) ?? "new");
                        break;
                    case "create_time" or "id":
                        break;
                    default:
                        if (!ContainerReadOnly.Contains(key)) container[key] = value?.DeepClone();
                        break;
                }
            }
            TouchContainerLocked(id, artifacts: false);
            return SimReply.Success(id);
        }
    }

    private void SetStatusLocked(JsonObject container, string status)
    {
        container["status"] = status;
        if (string.Equals(status, "closed", StringComparison.OrdinalIgnoreCase))
        {
            if (Json.Str(container, "close_time") is null) container["close_time"] = Now();
        }
        else
        {
            container["close_time"] = null;
            if (string.Equals(status, "open", StringComparison.OrdinalIgnoreCase)) container.TryAdd("open_time", Now());
        }
    }

    private void TouchContainerLocked(long id, bool artifacts)
    {
        if (!_containers.TryGetValue(id, out var container)) return;
        var now = Now();
        container["update_time"] = now;
        container["container_update_time"] = now;
        if (artifacts) container["artifact_update_time"] = now;
    }
}
