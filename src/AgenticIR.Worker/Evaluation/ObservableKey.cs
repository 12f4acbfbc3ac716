using System.Net;
using System.Net.Sockets;

namespace AgenticIR.Worker.Evaluation;

/// <summary>How an expected value and a product observable are compared: case-insensitively, IPv6 in canonical form
/// (so <c>2001:0DB8:0:0::1</c> and <c>2001:db8::1</c> are the same address).</summary>
public static class ObservableKey
{
    /// <summary>The comparison key of a value.</summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        // Only a value with a colon can be IPv6; IPAddress.TryParse would also read "1.2" or "7" as IPv4 addresses.
        if (trimmed.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(trimmed.Trim('[', ']'), out var ip)
            && ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.ToString().ToLowerInvariant();
        return trimmed.ToLowerInvariant();
    }
}
