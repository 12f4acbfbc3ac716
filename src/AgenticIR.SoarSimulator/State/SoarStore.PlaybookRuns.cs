using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    /// <summary>Records that <paramref name="playbook"/> ran on a container and launched <paramref name="actions"/>,
    /// all already finished (what a legacy playbook leaves behind for shadow comparison).</summary>
    public long AddPlaybookRun(long containerId, string playbook, string status, IReadOnlyList<LaunchedAction> actions) =>
        AddPlaybookRun(containerId, playbook, status, actions, null, null);

    /// <summary>Like the above, started at <paramref name="start"/> (default now) and finished <paramref name="duration"/>
    /// later (its <c>update_time</c>); a <c>running</c> run has no end. Its action runs start one after another inside it.</summary>
    public long AddPlaybookRun(long containerId, string playbook, string status, IReadOnlyList<LaunchedAction> actions, DateTimeOffset? start, TimeSpan? duration)
    {
        lock (_gate)
        {
            if (!_containers.ContainsKey(containerId)) throw new InvalidOperationException($"Container {containerId} does not exist.");
            var playbookId = EnsurePlaybookLocked(playbook);
            var playbookJson = _playbooks[playbookId];
            var id = NextId("playbook_run");
            var startedAt = start ?? Time.GetUtcNow();
            var length = duration ?? TimeSpan.Zero;
            var now = SoarTime.Format(startedAt);
            var end = status == "running" ? now : SoarTime.Format(startedAt + length);
            _playbookRuns[id] = new JsonObject
            {
                ["id"] = id,
                ["container"] = containerId,
                ["playbook"] = playbookId,
                ["playbook_name"] = $"{Json.Str(playbookJson, "scm_name")}/{Json.Str(playbookJson, "name")}",
                ["status"] = status,
                ["message"] = status == "failed" ? "Playbook run failed" : $"Playbook run {status}",
                ["owner"] = AutomationUserId,
                ["effective_user"] = AutomationUserId,
                ["scope"] = "all",
                ["misc"] = new JsonObject(),
                ["cancelled"] = false,
                ["start_time"] = now,
                ["update_time"] = end,
            };
            var index = 0;
            var step = actions.Count == 0 ? TimeSpan.Zero : length / (actions.Count + 1);
            foreach (var launched in actions)
            {
                index++;
                AddFinishedActionRunLocked(containerId, id, launched, index, start is null ? null : startedAt + step * index);
            }
            return id;
        }
    }

    private void AddFinishedActionRunLocked(long containerId, long playbookRunId, LaunchedAction launched, int index, DateTimeOffset? at)
    {
        var app = FindAppLocked(launched.App) ?? throw new InvalidOperationException($"App '{launched.App}' is not installed.");
        var asset = FindAssetLocked(launched.Asset) ?? throw new InvalidOperationException($"Asset '{launched.Asset}' does not exist.");
        var parameters = new JsonObject();
        foreach (var (key, value) in launched.Parameters) parameters[key] = value;
        var id = NextId("action_run");
        var status = AddAppRunLocked(id, containerId, playbookRunId, launched.Action, app, asset, [parameters], launched.Status);
        var now = at is { } time ? SoarTime.Format(time) : Now();
        _actionRuns[id] = new JsonObject
        {
            ["id"] = id,
            ["action"] = launched.Action,
            ["name"] = $"{launched.Action.Replace(' ', '_')}_{index}",
            ["type"] = "generic",
            ["status"] = "pending",
            ["message"] = "",
            ["container"] = containerId,
            ["playbook_run"] = playbookRunId,
            ["owner"] = AutomationUserId,
            ["effective_user"] = AutomationUserId,
            ["targets"] = new JsonArray
            {
                new JsonObject
                {
                    ["assets"] = new JsonArray { launched.Asset },
                    ["parameters"] = new JsonArray { parameters.DeepClone() },
                    ["app_id"] = Json.Long(app, "id"),
                },
            },
            ["create_time"] = now,
            ["start_time"] = now,
            ["update_time"] = now,
            ["close_time"] = null,
        };
        var progress = new ActionRunProgress(status, status == "failed" ? "1 of 1 action(s) failed" : "1 action(s) succeeded");
        ShowStatusLocked(id, _actionRuns[id], status, progress);
    }

    public SimReply ListPlaybookRuns(ListQuery query) => ListOf(_playbookRuns, query);

    public SimReply GetPlaybookRun(long id) => OneOf(_playbookRuns, id);
}
