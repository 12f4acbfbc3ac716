using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.State;

namespace AgenticIR.SoarSimulator;

/// <summary>Loads demo containers from a folder. Each file is a container as SOAR exports it (artifacts inline; ids
/// are reassigned). An optional top-level <c>simulator</c> object seeds what happened around it:
/// <c>{"comments": [{"user", "comment"}], "playbook_runs": [{"playbook", "status", "actions": [{"action", "app",
/// "asset", "parameters", "status"}]}]}</c>.</summary>
internal static class ContainerFolder
{
    public static IReadOnlyList<long> Load(SplunkSoarSimulator simulator, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"Container folder not found: {path}");
        var ids = new List<long>();
        foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var container = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new InvalidDataException($"{file}: expected a JSON object (one container)");
            var extras = container["simulator"] as JsonObject;
            container.Remove("simulator");
            var id = simulator.AddContainer(container);
            ids.Add(id);
            if (extras is not null) SeedExtras(simulator, id, extras);
        }
        return ids;
    }

    private static void SeedExtras(SplunkSoarSimulator simulator, long containerId, JsonObject extras)
    {
        foreach (var comment in (extras["comments"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            simulator.AddComment(containerId, Json.Str(comment, "user") ?? "analyst", Json.Str(comment, "comment") ?? "");
        }
        foreach (var run in (extras["playbook_runs"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var actions = (run["actions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(a => new LaunchedAction
            {
                Action = Json.Str(a, "action") ?? throw new InvalidDataException("playbook run action needs 'action'"),
                App = Json.Str(a, "app") ?? throw new InvalidDataException("playbook run action needs 'app'"),
                Asset = Json.Str(a, "asset") ?? throw new InvalidDataException("playbook run action needs 'asset'"),
                Parameters = (a["parameters"] as JsonObject ?? new JsonObject()).ToDictionary(p => p.Key, p => Json.Text(p.Value) ?? ""),
                Status = Json.Str(a, "status") ?? "success",
            }).ToList();
            simulator.AddPlaybookRun(containerId, Json.Str(run, "playbook") ?? "local/unknown", Json.Str(run, "status") ?? "success", actions);
        }
    }
}
