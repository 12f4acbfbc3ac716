using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar.State;

internal sealed partial class XsoarStore
{
    private readonly Dictionary<string, JsonObject> _playbooks = new(StringComparer.Ordinal);

    private void SetPlaybookLocked(string incidentId, string playbookId, IReadOnlyList<XsoarSeedTask> tasks)
    {
        var map = new JsonObject();
        for (var n = 0; n < tasks.Count; n++)
        {
            var id = (n + 1).ToString(CultureInfo.InvariantCulture);
            var task = tasks[n];
            map[id] = new JsonObject
            {
                ["id"] = id,
                ["state"] = task.State,
                ["type"] = "regular",
                ["completedBy"] = task.State == "Completed" ? "DBot" : "",
                ["completedDate"] = task.State == "Completed" ? Now() : "0001-01-01T00:00:00Z",
                ["task"] = new JsonObject { ["name"] = task.Name, ["scriptId"] = task.ScriptId ?? "", ["brand"] = task.ScriptId?.Split("|||")[0] ?? "" },
            };
        }
        _playbooks[incidentId] = new JsonObject
        {
            ["playbookId"] = playbookId,
            ["name"] = playbookId,
            ["state"] = tasks.Any(t => t.State == "Waiting") ? "waiting" : tasks.All(t => t.State == "Completed") ? "completed" : "inprogress",
            ["investigationId"] = incidentId,
            ["tasks"] = map,
        };
    }

    public JsonObject? Playbook(string incidentId)
    {
        lock (_gate) return _playbooks.TryGetValue(incidentId, out var playbook) ? (JsonObject)Copy(playbook) : null;
    }

    /// <summary>Completes a task: the same answer XSOAR gives, 400 "Task is completed already" on a repeat.</summary>
    public (JsonObject? Playbook, string? Error) CompleteTask(string incidentId, string taskId, string input, string user)
    {
        lock (_gate)
        {
            if (!_playbooks.TryGetValue(incidentId, out var playbook) || playbook["tasks"]?[taskId] is not JsonObject task) return (null, "Could not find task");
            if (task["state"]?.GetValue<string>() == "Completed") return (null, "Task is completed already");
            task["state"] = "Completed";
            task["completedBy"] = user;
            task["completedDate"] = Now();
            task["input"] = input;
            var tasks = ((JsonObject)playbook["tasks"]!).Select(t => t.Value!["state"]!.GetValue<string>()).ToList();
            playbook["state"] = tasks.Contains("Waiting") ? "waiting" : tasks.All(s => s == "Completed") ? "completed" : "inprogress";
            TouchLocked(incidentId);
            return ((JsonObject)Copy(playbook), null);
        }
    }
}
