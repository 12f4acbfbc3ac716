using System.Net;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.Approvals;

/// <summary>Decides whether an action's target is one of the policy's <c>protected_targets</c>.</summary>
public static class ProtectedTargetMatcher
{
    /// <summary>The rule the target matches, e.g. <c>protected_targets.subnets '10.10.1.0/24'</c>, or null when it is not protected.</summary>
    public static string? Match(ProtectedTargets targets, Observable target)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(target);
        var value = target.Value.Trim();
        return target.Type switch
        {
            ObservableType.Ipv4 or ObservableType.Ipv6 => MatchAddress(targets, value),
            ObservableType.Host or ObservableType.Domain => MatchHost(targets, value),
            ObservableType.Url => UrlHost(value) is { } host
                ? (IPAddress.TryParse(host.Trim('[', ']'), out _) ? MatchAddress(targets, host.Trim('[', ']')) : MatchHost(targets, host))
                : null,
            ObservableType.User or ObservableType.Email => MatchUser(targets, value),
            _ => null,
        };
    }

    private static string? MatchAddress(ProtectedTargets targets, string value)
    {
        if (!IPAddress.TryParse(value, out var address)) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var ip in targets.Ips)
        {
            if (IPAddress.TryParse(ip, out var protectedIp) && protectedIp.Equals(address)) return $"protected_targets.ips '{ip}'";
        }
        foreach (var subnet in targets.Subnets)
        {
            if (IPNetwork.TryParse(subnet, out var network) && network.Contains(address)) return $"protected_targets.subnets '{subnet}'";
        }
        return null;
    }

    private static string? MatchHost(ProtectedTargets targets, string value)
    {
        var host = value.TrimEnd('.');
        foreach (var pattern in targets.Hosts)
        {
            var matches = pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase)
                    // A protected short name also covers its fully qualified form (CORP-DC01 and corp-dc01.corp.example).
                    || (!pattern.Contains('.', StringComparison.Ordinal) && host.StartsWith(pattern + ".", StringComparison.OrdinalIgnoreCase));
            if (matches) return $"protected_targets.hosts '{pattern}'";
        }
        return null;
    }

    private static string? MatchUser(ProtectedTargets targets, string value)
    {
        // DOMAIN\user and user@domain both name the account "user".
        var bare = value[(value.LastIndexOf('\\') + 1)..];
        var local = bare.Contains('@', StringComparison.Ordinal) ? bare[..bare.IndexOf('@', StringComparison.Ordinal)] : bare;
        foreach (var user in targets.Users)
        {
            var matches = string.Equals(value, user, StringComparison.OrdinalIgnoreCase)
                || string.Equals(bare, user, StringComparison.OrdinalIgnoreCase)
                || (!user.Contains('@', StringComparison.Ordinal) && string.Equals(local, user, StringComparison.OrdinalIgnoreCase));
            if (matches) return $"protected_targets.users '{user}'";
        }
        return null;
    }

    private static string? UrlHost(string value) =>
        Uri.TryCreate(value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value, UriKind.Absolute, out var uri) ? uri.Host : null;
}
