using System.Collections.Concurrent;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Approvals;

/// <summary>Role names per instance, by id (<c>/rest/role</c>), so approver tiers written with role names work whether
/// a user record lists its roles by name or by id. Read when an id is first met, again when an unknown id appears (an
/// admin created a role since).</summary>
internal sealed class SoarRoleDirectory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<long, string>> _roles = new(StringComparer.Ordinal);

    /// <summary>The user's role names; an id no role has (even after a fresh read) is kept as its number, which no
    /// tier names.</summary>
    public async Task<IReadOnlyList<string>> NamesOfAsync(ISplunkSoarClient client, SoarUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(user);
        if (user.RoleIds is not { Count: > 0 } ids) return user.Roles;
        if (!_roles.TryGetValue(client.InstanceName, out var known) || !ids.All(known.ContainsKey))
        {
            known = (await client.ListRolesAsync(cancellationToken)).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Name);
            _roles[client.InstanceName] = known;
        }
        return [.. user.Roles.Concat(ids.Select(id => known.TryGetValue(id, out var name) ? name : id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct(StringComparer.Ordinal)];
    }
}
