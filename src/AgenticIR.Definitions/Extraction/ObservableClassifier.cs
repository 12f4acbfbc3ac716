using System.Net;
using System.Net.Sockets;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Extraction;

/// <summary>Classifies and validates one value that a mapping says is (or may be) an observable.</summary>
internal static class ObservableClassifier
{
    /// <summary>Longest value accepted for a typed observable; longer text is not one indicator.</summary>
    public const int MaxValueLength = 8 * 1024;

    /// <summary>The type of a lone value, or null when it is not recognisably an indicator.</summary>
    public static ObservableType? Classify(string value)
    {
        var v = value.Trim();
        if (v.Length is 0 or > MaxValueLength) return null;
        if (TryIp(v, out var ipType, out _)) return ipType;
        if (v.StartsWith("arn:", StringComparison.Ordinal)) return ObservableType.CloudResource;
        if (Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp" && uri.Host.Length > 0)
            return ObservableType.Url;
        if (ExtractionPatterns.WholeEmail().IsMatch(v)) return ObservableType.Email;
        v = WithoutAlgorithm(v);
        if (v.All(char.IsAsciiHexDigit))
        {
            return v.Length switch { 32 => ObservableType.Md5, 40 => ObservableType.Sha1, 64 => ObservableType.Sha256, _ => null };
        }
        if (ExtractionPatterns.WholeDomain().IsMatch(v) && TopLevelDomains.HasAllowedTld(v)) return ObservableType.Domain;
        return null;
    }

    /// <summary>
    /// Validates a value declared as <paramref name="type"/> and returns its canonical form and (possibly corrected) type,
    /// or null when the value cannot be that kind of observable.
    /// </summary>
    public static (ObservableType Type, string Value)? Validate(ObservableType type, string raw)
    {
        var v = raw.Trim().Trim('"', '\'').Trim();
        var limit = type == ObservableType.CommandLine ? 4 * MaxValueLength : MaxValueLength;
        if (v.Length == 0 || v.Length > limit) return null;
        switch (type)
        {
            case ObservableType.Ipv4 or ObservableType.Ipv6:
                return TryIp(v, out var ipType, out var canonical) ? (ipType, canonical) : null;
            case ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256:
                v = WithoutAlgorithm(v);
                return v.All(char.IsAsciiHexDigit) && Classify(v) is { } hashType ? (hashType, v.ToLowerInvariant()) : null;
            case ObservableType.Email:
                var address = UnwrapAddress(v);
                return ExtractionPatterns.WholeEmail().IsMatch(address) ? (type, address.ToLowerInvariant()) : null;
            case ObservableType.Domain:
                var domain = v.TrimEnd('.').ToLowerInvariant();
                return ExtractionPatterns.WholeDomain().IsMatch(domain) ? (type, domain) : null;
            case ObservableType.Url:
                return Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Scheme is "http" or "https" or "ftp" or "hxxp" or "hxxps"
                    ? (type, Refanger.Refang(v)) : null;
            case ObservableType.Phone:
                var digits = v.Count(char.IsAsciiDigit);
                return digits is >= 7 and <= 15 ? (type, ObservableExtractor.CanonicalPhone(v.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? v[4..] : v)) : null;
            default:
                return v.Length > 0 ? (type, v) : null;
        }
    }

    // "sha256:e3b0…" (an OCI image digest), "SHA1=…", "md5 …": the algorithm prefix is not part of the hash.
    private static string WithoutAlgorithm(string value)
    {
        var separator = value.IndexOfAny([':', '=', ' ']);
        if (separator is < 3 or > 6) return value;
        var algorithm = value[..separator];
        return algorithm.Equals("md5", StringComparison.OrdinalIgnoreCase) || algorithm.StartsWith("sha", StringComparison.OrdinalIgnoreCase)
            ? value[(separator + 1)..].Trim() : value;
    }

    private static bool TryIp(string value, out ObservableType type, out string canonical)
    {
        type = ObservableType.Ipv4;
        canonical = value;
        var v = value.Length > 2 && value[0] == '[' && value[^1] == ']' ? value[1..^1] : value; // "[1.2.3.4]" as X-Originating-IP writes it
        if (v.Count(c => c == '.') == 3 && v.LastIndexOf(':') is var colon and > 0 && !v.Contains("::", StringComparison.Ordinal)
            && v.Count(c => c == ':') == 1)
            v = v[..colon]; // "1.2.3.4:443"
        if (!IPAddress.TryParse(v, out var ip)) return false;
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            if (v.Count(c => c == '.') != 3) return false;
            canonical = v;
            return true;
        }
        if (ip.AddressFamily != AddressFamily.InterNetworkV6 || !v.Contains(':', StringComparison.Ordinal)) return false;
        type = ObservableType.Ipv6;
        canonical = ip.ToString();
        return true;
    }

    private static string UnwrapAddress(string value)
    {
        var v = value;
        var open = v.LastIndexOf('<');
        var close = v.LastIndexOf('>');
        if (open >= 0 && close > open) v = v[(open + 1)..close];
        if (v.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) v = v[7..];
        return v.Trim();
    }
}
