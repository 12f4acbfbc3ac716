using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AgenticIR.SoarSimulator.Xsoar.Http;

/// <summary>Checks a request's credentials as the simulated server would: the key in <c>Authorization</c> (XSOAR 6), plus
/// the key id in <c>x-xdr-auth-id</c> (XSOAR 8), or the advanced-key signature with a fresh nonce and a timestamp within
/// five minutes of the simulator's clock (a replayed nonce is refused).</summary>
internal sealed class XsoarAuthCheck(XsoarSimulatorOptions options)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Null when the request may pass, else why it is refused.</summary>
    public string? Refusal(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (options.AuthId is { } id && request.Headers["x-xdr-auth-id"].ToString() != id) return "missing or wrong x-xdr-auth-id";
        if (!options.AdvancedKey) return Same(authorization, options.ApiKey) ? null : "invalid API key";

        var nonce = request.Headers["x-xdr-nonce"].ToString();
        var timestamp = request.Headers["x-xdr-timestamp"].ToString();
        if (nonce.Length != 64 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return "missing advanced-key nonce or timestamp";
        var sent = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if ((options.TimeProvider.GetUtcNow() - sent).Duration() > Skew) return "advanced-key timestamp out of range";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey + nonce + timestamp)));
        if (!Same(authorization, expected)) return "invalid advanced-key signature";
        lock (_gate) return _nonces.Add(nonce) ? null : "replayed nonce";
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
