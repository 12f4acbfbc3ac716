using System.Net;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Controls;

/// <summary>Decides whether an observable is one of the policy's protected targets.</summary>
public static class ProtectedTargetMatcher
{
    /// <summary>The protected entry the observable matches, or null.</summary>
    public static string? Match(ProtectedTargets targets, Observable target)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(target);
        var value = target.Value.Trim();
        return target.Type switch
        {
            ObservableType.Host => targets.Hosts.FirstOrDefault(h => HostMatches(h, value)),
            ObservableType.User or ObservableType.Email => targets.Users.FirstOrDefault(u => UserMatches(u, value)),
            ObservableType.Ipv4 or ObservableType.Ipv6 => IPAddress.TryParse(value, out var ip)
                ? targets.Ips.FirstOrDefault(p => IPAddress.TryParse(p, out var protectedIp) && protectedIp.Equals(ip))
                  ?? targets.Subnets.FirstOrDefault(s => IPNetwork.TryParse(s, out var net) && net.Contains(ip))
                : null,
            _ => null,
        };
    }

    private static bool HostMatches(string pattern, string host)
    {
        // A leading "*." protects a whole domain suffix; short and fully qualified names of one host match each other.
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(ShortName(pattern), ShortName(host), StringComparison.OrdinalIgnoreCase);
    }

    private static bool UserMatches(string pattern, string user)
    {
        // DOMAIN\user, user@domain and user all name the same account.
        return string.Equals(pattern, user, StringComparison.OrdinalIgnoreCase)
            || string.Equals(AccountName(pattern), AccountName(user), StringComparison.OrdinalIgnoreCase);
    }

    private static string ShortName(string host) => host.Split('.')[0];

    private static string AccountName(string user)
    {
        var slash = user.LastIndexOf('\\');
        if (slash >= 0) user = user[(slash + 1)..];
        var at = user.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? user[..at] : user;
    }
}
