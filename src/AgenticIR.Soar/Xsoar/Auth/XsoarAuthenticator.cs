using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgenticIR.Core.Soar;

namespace AgenticIR.Soar.Xsoar.Auth;

/// <summary>The authentication headers of one request (shared/reference/soar-api.md §2.1, confirmed against demisto-py
/// 1bfe3ab <c>demisto_client/__init__.py</c> and <c>api_client.py</c>):
/// <list type="bullet">
/// <item>XSOAR 6: <c>Authorization: &lt;key&gt;</c>.</item>
/// <item>XSOAR 8 / XSIAM, standard key: the same plus <c>x-xdr-auth-id: &lt;key id&gt;</c>.</item>
/// <item>Advanced key: <c>x-xdr-nonce</c> (64 random letters and digits), <c>x-xdr-timestamp</c> (epoch milliseconds)
/// and <c>Authorization: sha256_hex(key + nonce + timestamp)</c>, fresh for every attempt so a retry is never a replay.</item>
/// </list></summary>
internal sealed class XsoarAuthenticator(XsoarInstanceDefinition instance, XsoarApiKey key, TimeProvider time)
{
    public const string AuthorizationHeader = "Authorization";
    public const string AuthIdHeader = "x-xdr-auth-id";
    public const string NonceHeader = "x-xdr-nonce";
    public const string TimestampHeader = "x-xdr-timestamp";

    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int NonceLength = 64;

    /// <summary>The headers to send on the next attempt.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers()
    {
        var headers = new List<KeyValuePair<string, string>>(4);
        if (instance.AuthId is { } id) headers.Add(new(AuthIdHeader, id));
        if (!instance.AdvancedKey)
        {
            headers.Add(new(AuthorizationHeader, key.Reveal()));
            return headers;
        }
        var nonce = RandomNumberGenerator.GetString(NonceAlphabet, NonceLength);
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers.Add(new(NonceHeader, nonce));
        headers.Add(new(TimestampHeader, timestamp));
        headers.Add(new(AuthorizationHeader, Sign(key.Reveal(), nonce, timestamp)));
        return headers;
    }

    /// <summary><c>sha256_hex(key + nonce + timestamp)</c>, lower-case, as the advanced-key scheme defines it.</summary>
    public static string Sign(string key, string nonce, string timestamp) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key + nonce + timestamp)));
}
