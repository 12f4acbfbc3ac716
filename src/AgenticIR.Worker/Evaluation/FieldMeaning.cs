using System.Text.RegularExpressions;

namespace AgenticIR.Worker.Evaluation;

/// <summary>
/// Values shaped like an observable that are not one, recognised by generic field meaning (never by format):
/// <list type="bullet">
/// <item>hex in a field named as an identifier (<c>machineId</c>, <c>agent_id</c>, <c>uuid</c>, <c>cid</c>…) is an
/// identifier, not a file hash, unless the name also says hash (<c>md5</c>, <c>sha…</c>, <c>hash</c>, <c>digest</c>);</item>
/// <item>a dotted quad in a version or user-agent field, or written as a product version (<c>Chrome/124.0.0.0</c>),
/// is a version, not an address;</item>
/// <item>a "hash" of fewer than four distinct digits (<c>d2d2…d2</c>, <c>111111bbbb…</c>) is a placeholder: a real
/// digest of 32+ hex digits practically never has so few.</item>
/// </list>
/// Without these the expectation would reward extracting agent ids as MD5s and browser versions as IPs.
/// </summary>
internal static partial class FieldMeaning
{
    private static readonly string[] HashWords = ["md5", "sha", "hash", "digest", "checksum", "imphash", "ssdeep"];
    private static readonly string[] IdentifierEndings = ["id", "ids", "uuid", "guid", "uid"];
    private static readonly string[] VersionWords = ["version", "useragent", "build", "release"];

    // A product token right before the value: "Chrome/", "Safari/", "agent-v/" (a URL's "//" does not qualify).
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_.\-]*/$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductToken();

    /// <summary>True when a hex value found under this key is an identifier rather than a hash.</summary>
    public static bool IsIdentifierField(string? key)
    {
        var k = Normalize(key);
        return k.Length > 0 && !HashWords.Any(w => k.Contains(w, StringComparison.Ordinal))
            && IdentifierEndings.Any(e => k.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>True when a dotted quad under this key is a version (version, build, user-agent fields).</summary>
    public static bool IsVersionField(string? key)
    {
        var k = Normalize(key);
        return VersionWords.Any(w => k.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>True when every occurrence of <paramref name="value"/> in the text is written as a product version (<c>Name/1.2.3.4</c>).</summary>
    public static bool IsProductVersion(string text, string value)
    {
        var any = false;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            any = true;
            var start = Math.Max(0, at - 64);
            if (!ProductToken().IsMatch(text.AsSpan(start, at - start))) return false;
        }
        return any;
    }

    /// <summary>True for a hex string with fewer than four distinct digits.</summary>
    public static bool IsLowEntropy(string hex) => hex.ToLowerInvariant().Distinct().Count() < 4;

    private static string Normalize(string? key) =>
        key is null ? "" : string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
