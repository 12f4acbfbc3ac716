using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Xsoar.State;

internal sealed partial class XsoarStore
{
    /// <summary>The user the API key belongs to (entries and task completions it makes carry this name).</summary>
    public const string ServiceUser = "svc-agentic-ir";

    private readonly Dictionary<string, (string Name, IReadOnlyList<string> Roles)> _users = new(StringComparer.Ordinal)
    {
        [ServiceUser] = ("Agentic IR service account", ["Analyst"]),
    };

    public void AddUser(string id, string name, IReadOnlyList<string> roles)
    {
        lock (_gate) _users[id] = (name, roles);
    }

    public JsonObject? User(string id)
    {
        lock (_gate) return _users.TryGetValue(id, out var user) ? UserJson(id, user.Name, user.Roles) : null;
    }

    public JsonArray Users()
    {
        lock (_gate) return [.. _users.Select(u => (JsonNode)UserJson(u.Key, u.Value.Name, u.Value.Roles))];
    }

    public JsonArray Roles()
    {
        lock (_gate)
        {
            return [.. _users.Values.SelectMany(u => u.Roles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(r => (JsonNode)new JsonObject { ["id"] = r, ["name"] = r })];
        }
    }

    private static JsonObject UserJson(string id, string name, IReadOnlyList<string> roles) => new()
    {
        ["id"] = id,
        ["username"] = id,
        ["name"] = name,
        ["email"] = id + "@example.com",
        ["roles"] = new JsonObject { ["demisto"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]) },
    };
}
