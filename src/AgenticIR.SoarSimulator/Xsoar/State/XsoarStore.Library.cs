using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar.State;

internal sealed partial class XsoarStore
{
    private readonly List<JsonObject> _library = [];

    /// <summary>Adds (or replaces) a playbook of the library that <c>/playbook/search</c> lists.</summary>
    public void AddLibraryPlaybook(string id, string name, bool hidden, bool deprecated)
    {
        lock (_gate)
        {
            _library.RemoveAll(p => p["id"]!.GetValue<string>() == id);
            _library.Add(new JsonObject { ["id"] = id, ["name"] = name, ["hidden"] = hidden, ["deprecated"] = deprecated, ["system"] = false, ["tasks"] = new JsonObject() });
        }
    }

    /// <summary><c>/playbook/search</c>: the library by name, one page of <c>size</c> (default 50).</summary>
    public (long Total, JsonArray Page) SearchLibrary(JsonObject body)
    {
        var page = body["page"]?.GetValue<int>() ?? 0;
        var size = body["size"]?.GetValue<int>() is > 0 and var s ? s : 50;
        lock (_gate)
        {
            var sorted = _library.OrderBy(p => p["name"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
            return (sorted.Count, new JsonArray([.. sorted.Skip(page * size).Take(size).Select(Copy)]));
        }
    }

    /// <summary>An incident created at the run's start with the work plan the run left; returns the incident id.</summary>
    public string AddHistoricalRun(XsoarHistoricalRun run)
    {
        lock (_gate)
        {
            var id = (++_nextIncident).ToString(CultureInfo.InvariantCulture);
            var end = run.Start + run.Duration;
            var finished = run.State is "completed" or "failed";
            _incidents[id] = new JsonObject
            {
                ["id"] = id,
                ["investigationId"] = id,
                ["name"] = $"{run.IncidentType} incident {id}",
                ["type"] = run.IncidentType,
                ["severity"] = 2,
                ["status"] = finished ? 2 : 1,
                ["created"] = Stamp(run.Start),
                ["modified"] = Stamp(finished ? end : run.Start),
                ["occurred"] = Stamp(run.Start.AddMinutes(-2)),
                ["playbookId"] = run.PlaybookId,
                ["owner"] = "",
                ["closeReason"] = finished ? "Resolved" : "",
                ["closeNotes"] = "",
                ["version"] = 2L,
                ["labels"] = new JsonArray(),
                ["CustomFields"] = new JsonObject(),
            };
            _indicators[id] = [];
            _entries[id] = [];
            var name = _library.FirstOrDefault(p => p["id"]!.GetValue<string>() == run.PlaybookId)?["name"]?.GetValue<string>() ?? run.PlaybookId;
            var counter = 0;
            var step = run.Tasks.Count == 0 ? run.Duration : run.Duration / (run.Tasks.Count + run.Tasks.Sum(t => t.SubTasks.Count));
            var clock = run.Start;
            _playbooks[id] = WorkPlan(run.PlaybookId, name, run.State, run.Start, id, run.Tasks, ref counter, ref clock, step);
            return id;
        }
    }

    private static JsonObject WorkPlan(string playbookId, string name, string state, DateTimeOffset start, string incidentId,
        IReadOnlyList<XsoarHistoricalTask> tasks, ref int counter, ref DateTimeOffset clock, TimeSpan step)
    {
        var map = new JsonObject();
        foreach (var task in tasks)
        {
            var taskId = (++counter).ToString(CultureInfo.InvariantCulture);
            var began = clock;
            JsonObject? sub = null;
            if (task.SubTasks.Count > 0)
            {
                var subName = task.SubPlaybook ?? task.Name;
                sub = WorkPlan(subName, subName, task.State == "Completed" ? "completed" : "failed", began, incidentId, task.SubTasks, ref counter, ref clock, step);
            }
            else
            {
                clock += step;
            }
            var ran = task.State is "Completed" or "Error";
            var brand = task.ScriptId is { } script && script.Contains("|||", StringComparison.Ordinal) ? script[..script.IndexOf("|||", StringComparison.Ordinal)] : "";
            var item = new JsonObject
            {
                ["id"] = taskId,
                ["taskId"] = Guid.NewGuid().ToString(),
                ["state"] = task.State,
                ["type"] = sub is null ? "regular" : "playbook",
                ["startDate"] = ran ? Stamp(began) : "0001-01-01T00:00:00Z",
                ["completedDate"] = task.State == "Completed" ? Stamp(clock) : "0001-01-01T00:00:00Z",
                ["completedBy"] = task.State == "Completed" ? "DBot" : "",
                ["task"] = new JsonObject
                {
                    ["name"] = task.Name,
                    ["scriptId"] = task.ScriptId ?? "",
                    ["brand"] = brand,
                    ["isCommand"] = brand.Length > 0 || (task.ScriptId?.StartsWith("|||", StringComparison.Ordinal) ?? false),
                },
                ["scriptArguments"] = new JsonObject([.. task.Arguments.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)new JsonObject { ["simple"] = a.Value }))]),
            };
            if (sub is not null) item["subPlaybook"] = sub;
            map[taskId] = item;
        }
        return new JsonObject
        {
            ["playbookId"] = playbookId,
            ["name"] = name,
            ["state"] = state,
            ["startDate"] = Stamp(start),
            ["investigationId"] = incidentId,
            ["tasks"] = map,
        };
    }
}
