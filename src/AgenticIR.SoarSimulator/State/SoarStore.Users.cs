using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    /// <summary>Seeds SOAR's two built-in accounts: <c>admin</c> (id 1) and the token's <c>automation</c> user (id 2).</summary>
    public void SeedBuiltInUsers()
    {
        AddUser("admin", ["Administrator"], "admin@example.com", "normal");
        AddUser("automation", ["Automation"], null, "automation");
    }

    public long AddUser(string username, IReadOnlyList<string> roles, string? email, string type = "normal")
    {
        lock (_gate)
        {
            if (FindUserIdLocked(username) is { } existing) return existing;
            var id = NextId("ph_user");
            _users[id] = new JsonObject
            {
                ["id"] = id,
                ["username"] = username,
                ["email"] = email ?? (type == "automation" ? null : $"{username}@corp-example.com"),
                ["first_name"] = "",
                ["last_name"] = "",
                ["type"] = type,
                ["roles"] = AssignRolesLocked(id, roles),
                ["is_active"] = true,
                ["default_label"] = type == "automation" ? "events" : null,
            };
            return id;
        }
    }

    public long? FindUserId(string usernameOrId)
    {
        lock (_gate) return FindUserIdLocked(usernameOrId);
    }

    private long? FindUserIdLocked(string? usernameOrId)
    {
        if (usernameOrId is null) return null;
        if (long.TryParse(usernameOrId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return _users.ContainsKey(id) ? id : null;
        }
        return _users.Values.FirstOrDefault(u => string.Equals(Json.Str(u, "username"), usernameOrId, StringComparison.OrdinalIgnoreCase)) is { } user
            ? Json.Long(user, "id")
            : null;
    }

    /// <summary><c>GET /rest/ph_user</c>: automation users are left out unless <c>include_automation</c> or a
    /// <c>_filter_type</c> clause asks for them, as on SOAR.</summary>
    public SimReply ListUsers(ListQuery query)
    {
        var includeAutomation = query.Flags.Contains("include_automation") || query.HasFilterOn("type");
        return ListOf(_users, query, u => includeAutomation || Json.Str(u, "type") != "automation");
    }

    public SimReply GetUser(long id) => OneOf(_users, id);
}
