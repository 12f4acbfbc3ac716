using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    private readonly SortedDictionary<long, JsonObject> _roles = [];

    /// <summary><c>GET /rest/role</c>: roles with their permissions and the ids of their users.</summary>
    public SimReply ListRoles(ListQuery query) => ListOf(_roles, query);

    public SimReply GetRole(long id) => OneOf(_roles, id);

    // A role is created the first time a user is given it, as an admin would have created it beforehand.
    private long RoleIdLocked(string name)
    {
        if (_roles.Values.FirstOrDefault(r => string.Equals(Json.Str(r, "name"), name, StringComparison.OrdinalIgnoreCase)) is { } existing)
            return Json.Long(existing, "id")!.Value;
        var id = NextId("role");
        _roles[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["description"] = "",
            ["permissions"] = new JsonArray(),
            ["users"] = new JsonArray(),
        };
        return id;
    }

    /// <summary>Gives a user its roles; returns what its record lists (ids or names, per <see cref="UserRolesAsIds"/>).</summary>
    private JsonArray AssignRolesLocked(long userId, IReadOnlyList<string> roles)
    {
        var listed = new JsonArray();
        foreach (var name in roles)
        {
            var roleId = RoleIdLocked(name);
            ((JsonArray)_roles[roleId]["users"]!).Add(userId);
            listed.Add(UserRolesAsIds ? JsonValue.Create(roleId) : JsonValue.Create(Json.Str(_roles[roleId], "name")));
        }
        return listed;
    }
}
