using System.Net.Sockets;
using System.Security.Authentication;

namespace AgenticIR.Soar.Resilience;

/// <summary>Names why an attempt got no HTTP answer, in the words an operator checks first: connection refused, host
/// name not found, host unreachable, TLS handshake failed (with the certificate problem), connection reset.</summary>
internal static class SoarTransportFailure
{
    public static (SoarTransportError Kind, string Description) Classify(Exception? error, string? fallback)
    {
        var chain = new List<Exception>();
        for (var e = error; e is not null && chain.Count < 16; e = e.InnerException) chain.Add(e);
        return (Kind(chain), Describe(chain) ?? fallback ?? error?.Message ?? "no response");
    }

    // Whether the request can have left: only then may an unsafe write have been applied.
    private static SoarTransportError Kind(List<Exception> chain) =>
        chain.Any(e => e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
            || e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            ? SoarTransportError.NotDelivered
            : SoarTransportError.Network;

    private static string? Describe(List<Exception> chain)
    {
        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls) return "TLS handshake failed: " + tls.Message;
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host name not found",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => "host unreachable",
                SocketError.TimedOut => "connection timed out",
                SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
                _ => "socket error " + socket.SocketErrorCode,
            };
        }
        return chain.OfType<HttpRequestException>().FirstOrDefault()?.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "host name not found",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.ResponseEnded => "the connection closed before the answer was complete",
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
            _ => null,
        };
    }
}
