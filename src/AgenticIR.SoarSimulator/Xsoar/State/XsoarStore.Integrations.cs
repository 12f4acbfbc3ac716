using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Xsoar.Model;

namespace AgenticIR.SoarSimulator.Xsoar.State;

internal sealed partial class XsoarStore
{
    private readonly Dictionary<string, XsoarSeedIntegration> _integrations = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Brand, bool Enabled)> _instances = [];
    private readonly List<XsoarRecordedCommand> _commands = [];
    private readonly Dictionary<string, int> _commandFailures = new(StringComparer.Ordinal);

    public void AddIntegration(XsoarSeedIntegration integration, IReadOnlyList<(string Name, bool Enabled)> instances)
    {
        lock (_gate)
        {
            _integrations[integration.Name] = integration;
            foreach (var (name, enabled) in instances) _instances.Add((name, integration.Name, enabled));
        }
    }

    /// <summary>The next <paramref name="count"/> runs of <paramref name="command"/> answer an error entry.</summary>
    public void FailCommand(string command, int count)
    {
        lock (_gate) _commandFailures[command] = _commandFailures.GetValueOrDefault(command) + count;
    }

    public IReadOnlyList<XsoarRecordedCommand> Commands()
    {
        lock (_gate) return [.. _commands];
    }

    /// <summary><c>/settings/integration/search</c>: <c>configurations</c> and <c>instances</c> (enabled as a string).</summary>
    public JsonObject IntegrationSearch()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["configurations"] = new JsonArray([.. _integrations.Values.Select(i => (JsonNode)new JsonObject
                {
                    ["name"] = i.Name,
                    ["display"] = i.Display ?? i.Name,
                    ["integrationScript"] = new JsonObject
                    {
                        ["commands"] = new JsonArray([.. i.Commands.Select(c => (JsonNode)new JsonObject
                        {
                            ["name"] = c.Key,
                            ["arguments"] = new JsonArray([.. c.Value.Select(a => (JsonNode)new JsonObject { ["name"] = a })]),
                        })]),
                    },
                })]),
                ["instances"] = new JsonArray([.. _instances.Select(i => (JsonNode)new JsonObject
                {
                    ["name"] = i.Name,
                    ["brand"] = i.Brand,
                    ["enabled"] = i.Enabled ? "true" : "false",
                })]),
            };
        }
    }

    /// <summary>Runs a parsed command in an incident's war room the way XSOAR does: the pinned instance (or the first
    /// enabled one whose integration declares the command) runs it; unknown arguments, a missing or disabled instance
    /// and an injected failure give an error entry (type 4). Every run is recorded.</summary>
    public JsonArray? Execute(string incidentId, string line, string command, IReadOnlyDictionary<string, string> arguments, string? pinned, string user)
    {
        string? error;
        string? instance;
        lock (_gate)
        {
            if (!_entries.ContainsKey(incidentId)) return null;
            (instance, error) = pinned is null && command == SetIncidentCommand ? (null, SetIncidentLocked(incidentId, arguments)) : Resolve(command, arguments, pinned);
            if (error is null && _commandFailures.TryGetValue(command, out var left) && left > 0)
            {
                _commandFailures[command] = left - 1;
                error = $"Error in {command}: simulated integration failure";
            }
            _commands.Add(new XsoarRecordedCommand(incidentId, command, arguments, instance, error is null));
        }
        var brand = instance is null ? null : Brand(instance);
        var extra = new JsonObject { ["parentContent"] = line, ["brand"] = brand, ["instance"] = instance };
        var contents = error ?? new JsonObject
        {
            ["command"] = command,
            ["instance"] = instance,
            ["arguments"] = new JsonObject([.. arguments.Select(a => new KeyValuePair<string, JsonNode?>(a.Key, a.Value))]),
            ["result"] = "success",
        }.ToJsonString();
        var entry = AddEntry(incidentId, contents, error is null ? 1 : 4, user, extra);
        if (error is null) entry!["format"] = "json";
        return [entry];
    }

    private string? Brand(string instance)
    {
        lock (_gate) return _instances.FirstOrDefault(i => i.Name == instance).Brand;
    }

    private (string? Instance, string? Error) Resolve(string command, IReadOnlyDictionary<string, string> arguments, string? pinned)
    {
        var candidates = _instances.Where(i => pinned is null || i.Name == pinned).ToList();
        if (pinned is not null && candidates.Count == 0) return (null, $"Unsupported Command: no integration instance named {pinned}");
        var runnable = candidates.Where(i => _integrations.TryGetValue(i.Brand, out var integration) && integration.Commands.ContainsKey(command)).ToList();
        if (runnable.Count == 0) return (null, $"Unsupported Command: {command} is not a command of any {(pinned is null ? "enabled instance" : pinned)}");
        if (runnable.FirstOrDefault(i => i.Enabled) is not { Name: not null } enabled) return (runnable[0].Name, $"Instance {runnable[0].Name} is disabled");
        var declared = _integrations[enabled.Brand].Commands[command];
        var unknown = arguments.Keys.Where(a => !declared.Contains(a, StringComparer.Ordinal)).ToList();
        return unknown.Count > 0
            ? (enabled.Name, $"Error in {command}: unknown argument(s) {string.Join(", ", unknown)}")
            : (enabled.Name, null);
    }
}
