using System.Collections.Frozen;
using System.Net;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Extraction;

/// <summary>
/// Recognises values that fixtures, documentation and masking put where a real indicator would be
/// (<c>10.0.XX.XX</c>, <c>example.com</c>, <c>N/A</c>, all-zero hashes, RFC 5737 addresses). Such a value is not evidence.
/// </summary>
public static class PlaceholderFilter
{
    private static readonly FrozenSet<string> EmptyWords = new[]
    {
        "", "-", "--", "n/a", "na", "null", "(null)", "<null>", "nil", "none", "unknown", "undefined", "empty",
        "not available", "unavailable", "redacted", "<redacted>", "[redacted]", "?", "???", "0",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DocumentationDomains = new[]
    {
        "example.com", "example.org", "example.net", "example.edu", "test.com", "domain.com", "company.com",
        "yourcompany.com", "yourdomain.com", "mycompany.com", "acme.com", "contoso.com", "fabrikam.com",
        "sample.com", "foo.com", "bar.com", "email.local",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ReservedSuffixes = [".example", ".test", ".invalid", ".localhost", ".local", ".localdomain", ".internal"];

    /// <summary>True when <paramref name="value"/> is a placeholder rather than a real observable of <paramref name="type"/>.</summary>
    public static bool IsPlaceholder(ObservableType type, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.Trim();
        if (EmptyWords.Contains(v) || IsMasked(v)) return true;
        return type switch
        {
            ObservableType.Ipv4 or ObservableType.Ipv6 => IsPlaceholderAddress(v),
            ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256 => v.All(c => c == v[0]),
            ObservableType.Domain => IsPlaceholderDomain(v, allowLocal: false),
            ObservableType.Host => IsPlaceholderDomain(v, allowLocal: true) || v.Equals("localhost", StringComparison.OrdinalIgnoreCase),
            ObservableType.Email => v.LastIndexOf('@') is var at && (at < 0 || IsPlaceholderDomain(v[(at + 1)..], allowLocal: false)),
            ObservableType.Url or ObservableType.QrPayload => IsPlaceholderUrl(v),
            _ => false,
        };
    }

    /// <summary>True for masked values: <c>xxx</c> in any case, or <c>XX</c> in capitals (<c>10.0.XX.XX</c>, <c>ray-xxx-laptop</c>).</summary>
    public static bool IsMasked(string value) =>
        value.Contains("xxx", StringComparison.OrdinalIgnoreCase) || value.Contains("XX", StringComparison.Ordinal)
        || value.Contains("***", StringComparison.Ordinal);

    /// <summary>True for example, test and reserved domains and their subdomains.</summary>
    public static bool IsPlaceholderDomain(string domain, bool allowLocal)
    {
        var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (d is "localhost" or "localhost.localdomain") return true;
        foreach (var doc in DocumentationDomains)
        {
            if (d == doc || d.EndsWith("." + doc, StringComparison.Ordinal)) return true;
        }
        foreach (var suffix in ReservedSuffixes)
        {
            if (allowLocal && suffix is ".local" or ".internal" or ".localdomain") continue;
            if (d.EndsWith(suffix, StringComparison.Ordinal) || d == suffix[1..]) return true;
        }
        return false;
    }

    private static bool IsPlaceholderAddress(string value)
    {
        if (!IPAddress.TryParse(value, out var ip)) return true;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        return IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)
            || ip.Equals(IPAddress.Broadcast) || ip.Equals(IPAddress.IPv6None) || IpClassifier.IsDocumentation(ip);
    }

    private static bool IsPlaceholderUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)) return false;
        var host = uri.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out _) ? IsPlaceholderAddress(host) : IsPlaceholderDomain(host, allowLocal: false);
    }
}
