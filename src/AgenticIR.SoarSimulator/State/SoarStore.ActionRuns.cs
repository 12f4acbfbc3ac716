using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    private readonly Dictionary<long, ActionRunProgress> _progress = [];
    private readonly Dictionary<long, JsonObject> _appRunFinal = [];

    /// <summary><c>POST /rest/action_run</c>: validates the action against the app's actions, the assets and the
    /// required parameters, then queues the run as <c>pending</c>.</summary>
    public SimReply CreateActionRun(JsonObject body)
    {
        var action = Json.Str(body, "action");
        var containerId = Json.Long(body, "container_id");
        if (string.IsNullOrWhiteSpace(action)) return SimReply.BadRequest("Action run 'action' is required");
        if (containerId is null) return SimReply.BadRequest("Action run 'container_id' is required");
        if (body["targets"] is not JsonArray targets || targets.Count == 0) return SimReply.BadRequest("Action run 'targets' must be a non-empty list");
        lock (_gate)
        {
            if (!_containers.ContainsKey(containerId.Value)) return SimReply.BadRequest($"Invalid container_id {containerId}: container not found");
            var resolved = new List<ResolvedTarget>();
            foreach (var target in targets)
            {
                if (target is not JsonObject targetObject) return SimReply.BadRequest("Each target must be an object");
                var (resolvedTarget, error) = ResolveTargetLocked(action, targetObject);
                if (error is not null) return SimReply.BadRequest(error);
                resolved.Add(resolvedTarget!);
            }

            var id = NextId("action_run");
            var now = Now();
            var outcomes = new List<string>();
            foreach (var target in resolved)
            {
                foreach (var asset in target.Assets)
                {
                    outcomes.Add(AddAppRunLocked(id, containerId.Value, null, action, target.App, asset, target.ParameterSets, forcedStatus: null));
                }
            }
            var failed = outcomes.Count(s => s == "failed");
            _actionRuns[id] = new JsonObject
            {
                ["id"] = id,
                ["action"] = action,
                ["name"] = Json.Str(body, "name") ?? action,
                ["type"] = Json.Str(body, "type") ?? "generic",
                ["status"] = "pending",
                ["message"] = "",
                ["container"] = containerId,
                ["playbook_run"] = null,
                ["owner"] = AutomationUserId,
                ["effective_user"] = AutomationUserId,
                ["targets"] = targets.DeepClone(),
                ["create_time"] = now,
                ["start_time"] = now,
                ["update_time"] = now,
                ["close_time"] = null,
            };
            _progress[id] = new ActionRunProgress(
                failed > 0 ? "failed" : "success",
                failed > 0 ? $"{failed} of {outcomes.Count} action(s) failed" : $"{outcomes.Count} action(s) succeeded")
            {
                AwaitingApproval = resolved.Any(t => FindAppActionLocked(Json.Long(t.App, "id")!.Value, action) is { } appAction
                    && OpenApprovalIfNeededLocked(id, appAction, t.Assets)),
            };
            _actionRunLog.Add(new RecordedActionRun(id, Clone(body), Time.GetUtcNow()));
            return SimReply.Ok(new JsonObject { ["action_run_id"] = id, ["message"] = "added", ["success"] = true });
        }
    }

    private (ResolvedTarget? Target, string? Error) ResolveTargetLocked(string action, JsonObject target)
    {
        var assets = new List<JsonObject>();
        var assetRefs = target["assets"] switch
        {
            JsonArray array => array.Select(Json.Text).ToList(),
            JsonValue single => [Json.Text(single)],
            _ => [],
        };
        foreach (var reference in assetRefs)
        {
            var asset = reference is null ? null : FindAssetLocked(reference);
            if (asset is null) return (null, $"Asset '{reference}' not found");
            assets.Add(asset);
        }
        var appRef = Json.Text(target["app_id"]) ?? Json.Str(target, "app");
        JsonObject? app;
        if (appRef is not null)
        {
            app = FindAppLocked(appRef);
            if (app is null) return (null, $"App '{appRef}' not found");
        }
        else
        {
            app = assets.Count > 0 ? _apps.GetValueOrDefault(Json.Long(assets[0], "app") ?? 0) : null;
            if (app is null) return (null, "Each target needs 'app_id' or 'assets'");
        }
        var appId = Json.Long(app, "id");
        var appName = Json.Str(app, "name");
        if (assets.Count == 0) assets.AddRange(_assets.Values.Where(a => Json.Long(a, "app") == appId));
        if (assets.Count == 0) return (null, $"No asset is configured for app '{appName}'");
        if (assets.FirstOrDefault(a => Json.Long(a, "app") != appId) is { } foreign)
        {
            return (null, $"Asset '{Json.Str(foreign, "name")}' is not configured for app '{appName}'");
        }
        var appAction = FindAppActionLocked(appId!.Value, action);
        if (appAction is null) return (null, $"Action '{action}' is not supported by app '{appName}'");

        var sets = target["parameters"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        if (sets.Count == 0) sets.Add(new JsonObject());
        var definitions = appAction["parameters"] as JsonObject ?? new JsonObject();
        foreach (var (name, definition) in definitions)
        {
            if (definition is not JsonObject d || Json.Bool(d, "required") != true) continue;
            if (sets.Any(s => string.IsNullOrEmpty(Json.Text(s[name]))))
            {
                return (null, $"Missing required parameter '{name}' for action '{action}' of app '{appName}'");
            }
        }
        return (new ResolvedTarget(app, assets, [.. sets.Select(Clone)]), null);
    }

    /// <summary>Adds one app run (one asset) and works out its final result now; it is revealed when the action run
    /// reaches its final status. Returns the final status.</summary>
    private string AddAppRunLocked(long actionRunId, long containerId, long? playbookRunId, string action,
        JsonObject app, JsonObject asset, IReadOnlyList<JsonObject> parameterSets, string? forcedStatus)
    {
        var appName = Json.Str(app, "name")!;
        var items = new JsonArray();
        foreach (var parameters in parameterSets)
        {
            var outcome = OutcomeLocked(appName, action, parameters);
            if (forcedStatus is not null && forcedStatus != outcome.Status) outcome = outcome with { Status = forcedStatus, Message = null };
            items.Add(ResultItem(outcome, parameters));
        }
        var failedItems = items.OfType<JsonObject>().Where(i => Json.Str(i, "status") == "failed").ToList();
        var status = failedItems.Count > 0 ? "failed" : "success";
        var message = failedItems.Count > 0
            ? Json.Str(failedItems[0], "message")
            : items.Count == 1 ? Json.Str((JsonObject)items[0]!, "message") : $"{items.Count} actions succeeded";
        var id = NextId("app_run");
        var now = Now();
        _appRuns[id] = new JsonObject
        {
            ["id"] = id,
            ["action_run"] = actionRunId,
            ["action"] = action,
            ["app"] = Json.Long(app, "id"),
            ["app_name"] = appName,
            ["asset"] = Json.Long(asset, "id"),
            ["asset_name"] = Json.Str(asset, "name"),
            ["container"] = containerId,
            ["playbook_run"] = playbookRunId,
            ["status"] = "pending",
            ["message"] = "",
            ["start_time"] = now,
            ["update_time"] = now,
            ["end_time"] = null,
            ["result_data"] = new JsonArray(),
        };
        _appRunFinal[id] = new JsonObject { ["status"] = status, ["message"] = message, ["result_data"] = items };
        return status;
    }

    /// <summary><c>GET /rest/action_run/{id}</c>: shows the current step and moves one on, so polling sees
    /// <c>pending</c>, <c>running</c>, then the final status.</summary>
    public SimReply GetActionRun(long id)
    {
        lock (_gate)
        {
            if (!_actionRuns.TryGetValue(id, out var run)) return SimReply.NotFound();
            if (_progress.TryGetValue(id, out var progress) && !progress.AwaitingApproval)
            {
                ShowStatusLocked(id, run, progress.StatusAt(progress.Step), progress);
                progress.Step = Math.Min(progress.Step + 1, 2);
            }
            return SimReply.Ok(Clone(run));
        }
    }

    private void ShowStatusLocked(long id, JsonObject run, string status, ActionRunProgress progress)
    {
        var terminal = status is "success" or "failed";
        var now = Now();
        if (Json.Str(run, "status") == status) return;
        run["status"] = status;
        run["update_time"] = now;
        if (terminal)
        {
            run["message"] = progress.FinalMessage;
            run["close_time"] = now;
        }
        foreach (var appRun in _appRuns.Values.Where(a => Json.Long(a, "action_run") == id))
        {
            appRun["update_time"] = now;
            if (!terminal)
            {
                appRun["status"] = status;
                continue;
            }
            var final = _appRunFinal[Json.Long(appRun, "id")!.Value];
            appRun["status"] = final["status"]!.DeepClone();
            appRun["message"] = final["message"]?.DeepClone();
            appRun["result_data"] = final["result_data"]!.DeepClone();
            appRun["end_time"] = now;
        }
    }

    public SimReply ListActionRuns(ListQuery query) => ListOf(_actionRuns, query);

    public SimReply ListAppRunsOf(long actionRunId, ListQuery query)
    {
        lock (_gate)
        {
            if (!_actionRuns.ContainsKey(actionRunId)) return SimReply.NotFound();
        }
        return ListOf(_appRuns, query, a => Json.Long(a, "action_run") == actionRunId);
    }

    public SimReply ListAppRuns(ListQuery query) => ListOf(_appRuns, query);

    public SimReply GetAppRun(long id) => OneOf(_appRuns, id);
}
