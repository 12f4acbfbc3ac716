using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.State;

namespace AgenticIR.SoarSimulator;

public sealed partial class SplunkSoarSimulator
{
    /// <summary>Adds a normal user with role names; returns its id (the existing id when the name is taken).</summary>
    public long AddUser(string username, params IReadOnlyList<string> roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        return _store.AddUser(username, roles, null);
    }

    public long AddUser(string username, IReadOnlyList<string> roles, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        return _store.AddUser(username, roles, email);
    }

    /// <summary>Installs an app and its actions; returns the app id.</summary>
    public long AddApp(AppDefinition app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return _store.AddApp(app);
    }

    public long AddApp(string name, params IReadOnlyList<AppActionDefinition> actions) =>
        AddApp(new AppDefinition { Name = name, Actions = actions });

    /// <summary>Configures an asset of an installed app (by app name); returns the asset id.</summary>
    public long AddAsset(string name, string app)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(app);
        return _store.AddAsset(name, app);
    }

    /// <summary>Gives an asset primary approvers (existing user names): an action that changes something on it then
    /// waits until <paramref name="votes"/> of them approve it. No names removes the approvers.</summary>
    public void SetAssetApprovers(string asset, IReadOnlyList<string> usernames, int votes = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentNullException.ThrowIfNull(usernames);
        _store.SetAssetApprovers(asset, usernames, votes);
    }

    /// <summary>An approver answers the approval of an action run, as in the SOAR's approval queue; false when the user
    /// is not an approver of its asset or the approval is no longer pending.</summary>
    public bool AnswerApproval(long actionRunId, string username, bool approve) => _store.AnswerApproval(actionRunId, username, approve);

    /// <summary>The approval of an action run passes its due time unanswered.</summary>
    public bool ExpireApproval(long actionRunId) => _store.ExpireApproval(actionRunId);

    /// <summary>Creates a container from a <c>POST /rest/container</c>-shaped object (artifacts inline); a duplicate
    /// (same source data identifier and label) returns the existing id.</summary>
    public long AddContainer(JsonObject container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var reply = _store.CreateContainer((JsonObject)container.DeepClone());
        if (reply.Body is not JsonObject body || reply.Status != 200) throw new InvalidOperationException(reply.Body.ToJsonString());
        return Json.Long(body, "id") ?? Json.Long(body, "existing_container_id")!.Value;
    }

    public long AddContainer(SeedContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var customFields = new JsonObject();
        foreach (var (key, value) in container.CustomFields) customFields[key] = value;
        return AddContainer(new JsonObject
        {
            ["name"] = container.Name,
            ["label"] = container.Label,
            ["severity"] = container.Severity,
            ["status"] = container.Status,
            ["source_data_identifier"] = container.SourceDataIdentifier,
            ["description"] = container.Description ?? "",
            ["custom_fields"] = customFields,
            ["artifacts"] = Json.Array(container.Artifacts.Select(a => (JsonNode?)ToJson(a))),
        });
    }

    /// <summary>Adds an artifact to a container; returns its id, or the existing one for a duplicate.</summary>
    public long AddArtifact(long containerId, SeedArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var json = ToJson(artifact);
        json["container_id"] = containerId;
        var reply = _store.CreateArtifact(json);
        if (reply.Body is JsonObject body && (Json.Long(body, "id") ?? Json.Long(body, "existing_artifact_id")) is { } id) return id;
        throw new InvalidOperationException(reply.Body.ToJsonString());
    }

    /// <summary>Adds a comment written by <paramref name="username"/> (created without roles when unknown).</summary>
    public long AddComment(long containerId, string username, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        var userId = _store.FindUserId(username) ?? _store.AddUser(username, [], null);
        var reply = _store.CreateComment(new JsonObject { ["container_id"] = containerId, ["comment"] = text }, userId);
        return reply.Status == 200 ? Json.Long((JsonObject)reply.Body, "id")!.Value : throw new InvalidOperationException(reply.Body.ToJsonString());
    }

    /// <summary>Records a finished playbook run (<c>success</c>/<c>failed</c>) and the action runs it launched.</summary>
    public long AddPlaybookRun(long containerId, string playbook, string status, params IReadOnlyList<LaunchedAction> actions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playbook);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return _store.AddPlaybookRun(containerId, playbook, status, actions);
    }

    /// <summary>Adds a playbook to the inventory (<c>GET /rest/playbook</c>) with its <c>active</c> flag; returns its id.</summary>
    public long AddPlaybook(string playbook, bool active = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playbook);
        return _store.AddPlaybook(playbook, active);
    }

    /// <summary>Records a playbook run of the past, with its start time and duration, and the action runs it launched.</summary>
    public long AddPlaybookRun(HistoricalPlaybookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Playbook);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Status);
        return _store.AddPlaybookRun(run.ContainerId, run.Playbook, run.Status, run.Actions, run.StartTime, run.Duration);
    }

    /// <summary>Closes a container the way an analyst does: final severity and status, and the disposition in a
    /// custom field when given.</summary>
    public void CloseContainer(long containerId, string severity, string status = "closed", string? dispositionField = null, string? dispositionValue = null)
    {
        var update = new JsonObject { ["severity"] = severity, ["status"] = status };
        if (dispositionField is not null) update["custom_fields"] = new JsonObject { [dispositionField] = dispositionValue };
        var reply = _store.UpdateContainer(containerId, update);
        if (reply.Status != 200) throw new InvalidOperationException(reply.Body.ToJsonString());
    }

    /// <summary>Makes (app, action[, parameter value]) finish with a status, message and result data.</summary>
    public void SetActionOutcome(ActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _store.SetOutcome(outcome);
    }

    /// <summary>Loads every <c>*.json</c> in <paramref name="path"/> (name order) as a container; see
    /// <c>samples/soar/README.md</c> for the optional <c>simulator</c> block. Returns the container ids.</summary>
    public IReadOnlyList<long> SeedFromFolder(string path) => ContainerFolder.Load(this, path);

    private static JsonObject ToJson(SeedArtifact artifact)
    {
        var cef = new JsonObject();
        foreach (var (key, value) in artifact.Cef) cef[key] = value;
        var cefTypes = new JsonObject();
        foreach (var (key, value) in artifact.CefTypes) cefTypes[key] = Json.Strings(value);
        return new JsonObject
        {
            ["name"] = artifact.Name,
            ["label"] = artifact.Label,
            ["severity"] = artifact.Severity,
            ["source_data_identifier"] = artifact.SourceDataIdentifier,
            ["cef"] = cef,
            ["cef_types"] = cefTypes,
        };
    }
}
