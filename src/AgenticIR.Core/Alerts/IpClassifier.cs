using System.Net;
using System.Net.Sockets;

namespace AgenticIR.Core.Alerts;

/// <summary>Classifies IP addresses as public, private or documentation (placeholder) ranges.</summary>
public static class IpClassifier
{
    /// <summary>True when the address is routable on the internet.</summary>
    public static bool IsPublic(string value) =>
        IPAddress.TryParse(value, out var ip) && !IsPrivate(ip) && !IsDocumentation(ip);

    /// <summary>True for RFC 1918, loopback, link-local, CGNAT, ULA and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        var b = ip.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0 || b[0] >= 224;
    }

    /// <summary>True for the RFC 5737 / RFC 3849 documentation ranges that fixtures use as placeholders.</summary>
    public static bool IsDocumentation(IPAddress ip)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = ip.GetAddressBytes();
            return v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8;
        }
        var b = ip.GetAddressBytes();
        return (b[0] == 192 && b[1] == 0 && b[2] == 2)
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113);
    }
}
