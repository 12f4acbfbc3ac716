using System.Collections.Concurrent;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>Who wrote an answer, per instance: the users and their role names (<c>GET /users</c>, role ids turned into
/// names through <c>GET /roles</c>), and the user our API key belongs to (<c>GET /user</c>). Users are read when first
/// needed, again after <see cref="MaxAge"/>, and again when an unknown name appears (an admin added someone since), at most
/// once per <see cref="MinRefresh"/> so a war room full of unknown names cannot flood XSOAR.</summary>
internal sealed class XsoarUserDirectory(TimeProvider time)
{
    /// <summary>How long a read of the users is trusted (role changes take effect after it).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Least time between two reads of the users.</summary>
    public static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Snapshot> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _self = new(StringComparer.Ordinal);

    /// <summary>The user <paramref name="name"/> (matched case-insensitively on the id, which is the username) with role
    /// names; null when XSOAR knows no such user.</summary>
    public async Task<XsoarUser?> FindAsync(IXsoarClient client, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrWhiteSpace(name)) return null;
        var now = time.GetUtcNow();
        var known = _users.TryGetValue(client.InstanceName, out var snapshot) ? snapshot : null;
        if (known is null || now - known.ReadAt >= MaxAge || (!known.Users.ContainsKey(name) && now - known.ReadAt >= MinRefresh))
        {
            known = await ReadAsync(client, now, cancellationToken);
            _users[client.InstanceName] = known;
        }
        return known.Users.GetValueOrDefault(name);
    }

    /// <summary>The id of the user the instance's API key belongs to (read once).</summary>
    public async Task<string> ApiUserAsync(IXsoarClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_self.TryGetValue(client.InstanceName, out var id)) return id;
        id = (await client.GetCurrentUserAsync(cancellationToken)).Id;
        _self[client.InstanceName] = id;
        return id;
    }

    private static async Task<Snapshot> ReadAsync(IXsoarClient client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = await client.GetUsersAsync(cancellationToken);
        IReadOnlyList<XsoarRole> roles = users.Any(u => u.Roles.Count > 0) ? await client.GetRolesAsync(cancellationToken) : [];
        var byId = roles.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        // Tiers name roles; a user record may list a role by id, so each is shown by its name when /roles knows it.
        var resolved = users
            .Select(u => u with { Roles = [.. u.Roles.Select(r => byId.GetValueOrDefault(r, r)).Distinct(StringComparer.Ordinal)] })
            .GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return new Snapshot(resolved, now);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, XsoarUser> Users, DateTimeOffset ReadAt);
}
