using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>JSON bodies of the writes, with SOAR's snake_case field names.</summary>
internal static class SoarBodies
{
    // Bodies are JSON, never HTML: keep markdown's <, > and quotes readable in the SOAR's stored copy.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>POST /rest/artifact</c> and <c>/rest/artifact/{id}</c> (the update leaves out <c>container_id</c>).</summary>
    public static string Artifact(NewArtifact artifact, bool includeContainer)
    {
        var body = new JsonObject();
        if (includeContainer) body["container_id"] = artifact.ContainerId;
        body["name"] = artifact.Name;
        body["label"] = artifact.Label;
        body["severity"] = artifact.Severity;
        body["source_data_identifier"] = artifact.SourceDataIdentifier;
        body["cef"] = new JsonObject(artifact.Cef.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        body["cef_types"] = new JsonObject(artifact.CefTypes.Select(kv =>
            KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray([.. kv.Value.Select(t => (JsonNode?)JsonValue.Create(t))]))));
        if (artifact.Description is not null) body["description"] = artifact.Description;
        body["run_automation"] = artifact.RunAutomation;
        return body.ToJsonString(Options);
    }

    /// <summary><c>POST /rest/note</c> (with container and <c>note_type: general</c>) or <c>/rest/note/{id}</c>.
    /// UNVERIFIED: that a note update accepts <c>title</c>, <c>content</c> and <c>note_format</c>; only creation is documented.</summary>
    public static string Note(NewNote note, bool create)
    {
        var body = new JsonObject();
        if (create)
        {
            body["container_id"] = note.ContainerId;
            body["note_type"] = "general";
        }
        body["title"] = note.Title;
        body["content"] = note.Content;
        body["note_format"] = note.NoteFormat;
        return body.ToJsonString(Options);
    }

    /// <summary><c>POST /rest/container</c>: name, label, source_data_identifier, severity, description (S-RC).</summary>
    public static string Container(NewContainer container) => new JsonObject
    {
        ["name"] = container.Name,
        ["label"] = container.Label,
        ["source_data_identifier"] = container.SourceDataIdentifier,
        ["severity"] = container.Severity,
        ["description"] = container.Description,
    }.ToJsonString(Options);

    /// <summary><c>POST /rest/container_comment</c>. UNVERIFIED: no documented body; <c>container_id</c> + <c>comment</c>.</summary>
    public static string Comment(long containerId, string comment) =>
        new JsonObject { ["container_id"] = containerId, ["comment"] = comment }.ToJsonString(Options);

    /// <summary><c>POST /rest/action_run</c> as documented (S-RA): action, container_id, name, targets, optional type.</summary>
    public static string ActionRun(ActionRunRequest request)
    {
        var targets = new JsonArray();
        foreach (var target in request.Targets)
        {
            var t = new JsonObject
            {
                ["assets"] = new JsonArray([.. target.Assets.Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["parameters"] = new JsonArray([.. target.Parameters.Select(set =>
                    (JsonNode?)new JsonObject(set.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))))]),
            };
            if (target.AppId is { } appId) t["app_id"] = appId;
            targets.Add(t);
        }
        var body = new JsonObject
        {
            ["action"] = request.Action,
            ["container_id"] = request.ContainerId,
            ["name"] = request.Name,
            ["targets"] = targets,
        };
        if (request.Type is not null) body["type"] = request.Type;
        return body.ToJsonString(Options);
    }
}
