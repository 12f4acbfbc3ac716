using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>protected_targets</c> section: hosts, users, single IPs and CIDR subnets.</summary>
internal static class ProtectedTargetsSectionReader
{
    public static ProtectedTargets Read(NodeReader r, YamlMap root)
    {
        if (r.OptionalMap(root, "protected_targets") is not { } section) return ProtectedTargets.None;
        r.AllowOnly(section, "hosts", "users", "ips", "subnets");
        var hosts = Strings(r, section, "hosts", HostProblem);
        var users = Strings(r, section, "users", _ => null);
        var ips = Strings(r, section, "ips", AddressProblem);
        var subnets = Strings(r, section, "subnets", SubnetProblem);
        return new ProtectedTargets(hosts, users, ips, subnets);
    }

    internal static List<string> Strings(NodeReader r, YamlMap section, string key, Func<string, string?> problemOf)
    {
        var result = new List<string>();
        if (NodeReader.Optional(section, key) is not { } node) return result;
        foreach (var (item, field) in r.AsList(node, section.FieldOf(key), allowEmpty: true) ?? [])
        {
            if (r.AsString(item, field) is not { } raw) continue;
            var text = raw.Trim();
            if (problemOf(text) is { } problem)
            {
                r.Error(item, field, problem);
                continue;
            }
            if (result.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                r.Error(item, field, $"'{text}' is listed twice");
                continue;
            }
            result.Add(text);
        }
        return result;
    }

    internal static string? HostProblem(string text)
    {
        var name = text.StartsWith("*.", StringComparison.Ordinal) ? text[2..] : text;
        return name.Length > 0 && !name.Contains('*', StringComparison.Ordinal) && !name.Any(char.IsWhiteSpace)
            ? null
            : $"'{text}' is not a host name or a '*.suffix' pattern";
    }

    private static string? AddressProblem(string text)
    {
        if (text.Contains('/', StringComparison.Ordinal)) return $"'{text}' is a range; list it under subnets";
        return IPAddress.TryParse(text, out var address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && string.Equals(address.ToString(), Normalize(text), StringComparison.OrdinalIgnoreCase)
            ? null
            : $"'{text}' is not an IPv4 or IPv6 address";
    }

    internal static string? SubnetProblem(string text)
    {
        if (!text.Contains('/', StringComparison.Ordinal)) return $"'{text}' is not a CIDR range such as 10.0.0.0/8 (single addresses go under ips)";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(text[..slash], out var address) || AddressProblem(text[..slash]) is not null
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            || bits > (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
        {
            return $"'{text}' is not a CIDR range such as 10.0.0.0/8";
        }
        // 10.0.0.1/8 is almost always a typo for a host or for 10.0.0.0/8: make the author say which.
        return HostBitsClear(address.GetAddressBytes(), bits) ? null
            : $"'{text}' has host bits set after the /{bits} prefix; write the network address";
    }

    private static bool HostBitsClear(byte[] bytes, int prefix)
    {
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) return false;
        }
        return true;
    }

    // IPAddress.TryParse accepts "10" or "10.1" as shorthand; a policy must spell the address out.
    private static string Normalize(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? address.ToString() : text;
}
