using System.Net;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Response;

/// <summary>Decides which addresses belong to us and must never be blocked.</summary>
internal static class InternalAddresses
{
    /// <summary>True for private, loopback, link-local, CGNAT and ULA addresses. Documentation ranges (RFC 5737/3849)
    /// are not internal: fixtures use them to stand in for internet addresses.</summary>
    public static bool IsInternal(Observable observable) =>
        observable.Type is ObservableType.Ipv4 or ObservableType.Ipv6
        && IPAddress.TryParse(observable.Value, out var ip) && IpClassifier.IsPrivate(ip);
}
