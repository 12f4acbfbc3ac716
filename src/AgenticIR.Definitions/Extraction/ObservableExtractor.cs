using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Extraction;

/// <summary>
/// Finds indicators in free text: IPv4/IPv6, URLs (and their hosts), domains, e-mail addresses, MD5/SHA-1/SHA-256
/// hashes, phone numbers in a phone-like context and AWS ARNs. Defanged forms are refanged first; placeholders
/// (see <see cref="PlaceholderFilter"/>) are dropped; the result is de-duplicated.
/// </summary>
public static class ObservableExtractor
{
    /// <summary>How much of one text is scanned; the rest is ignored so a 10 MB field cannot stall the pipeline.</summary>
    public const int DefaultMaxChars = 64 * 1024;

    /// <summary>Extracts the observables in <paramref name="text"/>.</summary>
    /// <param name="text">Text to scan; only the first <paramref name="maxChars"/> characters are read.</param>
    /// <param name="role">Role given to every observable found (a URL's host gets <c>url_host</c>).</param>
    /// <param name="maxChars">Scan limit.</param>
    public static IReadOnlyList<Observable> Extract(string text, string? role = null, int maxChars = DefaultMaxChars) =>
        Extract(text, role, maxChars, withDomainsAndPhones: true);

    /// <summary>Extracts only what <see cref="Extract(string, string?, int)"/> finds of IP addresses, hashes, e-mail
    /// addresses, URLs and ARNs: the same values, without running the domain and phone patterns, which come last, mask
    /// nothing the others read and are the costliest on long text. For scans that keep addresses, hashes and e-mail only.</summary>
    internal static IReadOnlyList<Observable> ExtractWithoutDomainsAndPhones(string text, string? role = null) =>
        Extract(text, role, DefaultMaxChars, withDomainsAndPhones: false);

    private static List<Observable> Extract(string text, string? role, int maxChars, bool withDomainsAndPhones)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Observable>();
        var seen = new HashSet<Observable>();
        if (text.Length == 0) return found;
        var scanned = Refanger.Refang(text.Length > maxChars ? text[..maxChars] : text);
        var masked = scanned.ToCharArray();
        if (scanned.Contains('@', StringComparison.Ordinal))
        {
            foreach (var (index, length) in Matches(ExtractionPatterns.MessageIdHeader(), masked)) Mask(masked, index, length);
        }

        void Add(ObservableType type, string value, string? observableRole)
        {
            if (PlaceholderFilter.IsPlaceholder(type, value)) return;
            var observable = new Observable(type, value, observableRole);
            if (seen.Add(observable)) found.Add(observable);
        }

        foreach (var (index, length) in Matches(ExtractionPatterns.Url(), masked))
        {
            var url = scanned.Substring(index, length).TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"', '>', '*');
            Mask(masked, index, length);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) continue;
            if (PlaceholderFilter.IsPlaceholder(ObservableType.Url, url)) continue;
            Add(ObservableType.Url, url, role);
            AddHost(uri.Host, Add);
            AddHashesWithin(url, role, Add);
        }
        foreach (var (index, length) in Matches(ExtractionPatterns.Email(), masked))
        {
            Add(ObservableType.Email, scanned.Substring(index, length).TrimEnd('.'), role);
            Mask(masked, index, length);
        }
        foreach (var (index, length) in Matches(ExtractionPatterns.Arn(), masked))
        {
            var arn = scanned.Substring(index, length).TrimEnd('.', ')');
            Add(ObservableType.CloudResource, arn, role);
            AddHashesWithin(arn, role, Add);
            Mask(masked, index, length);
        }
        foreach (var (index, length) in Matches(ExtractionPatterns.Ipv4(), masked))
        {
            if (IsInsideDottedRun(masked, index, length) || IsVersion(masked, index)) continue;
            var value = scanned.Substring(index, length);
            Mask(masked, index, length);
            if (IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
                && value.Split('.').All(part => part.Length == 1 || part[0] != '0'))
                Add(ObservableType.Ipv4, value, role);
        }
        foreach (var (index, length) in Matches(ExtractionPatterns.Ipv6(), masked))
        {
            var value = scanned.Substring(index, length).TrimEnd('.', ':');
            if (value.Split(':').Count(g => g.Length > 0) < 3) continue;
            if (!IPAddress.TryParse(value, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6) continue;
            Mask(masked, index, length);
            Add(ObservableType.Ipv6, ip.ToString(), role);
        }
        foreach (var (index, length) in Matches(ExtractionPatterns.Hash(), masked))
        {
            var type = HashType(masked, index, length);
            Mask(masked, index, length);
            if (type is { } t) Add(t, scanned.Substring(index, length).ToLowerInvariant(), role);
        }
        if (!withDomainsAndPhones) return found;
        foreach (var (index, length) in Matches(ExtractionPatterns.Domain(), masked))
        {
            if (index > 0 && masked[index - 1] is '@' or '\\' or '/' or '%' or '$' or '-' or '_') continue;
            var end = index + length;
            if (end < masked.Length && (masked[end] is '(' or '\\' or '_' || (masked[end] == '.' && end + 1 < masked.Length && char.IsLetterOrDigit(masked[end + 1])))) continue;
            var value = scanned.Substring(index, length);
            if (TopLevelDomains.HasAllowedTld(value)) Add(ObservableType.Domain, value.ToLowerInvariant(), role);
        }
        foreach (var (index, length) in Matches(ExtractionPatterns.Phone(), masked))
        {
            if (TryPhone(masked, index, length) is { } phone) Add(ObservableType.Phone, phone, role);
        }
        return found;
    }

    /// <summary>Adds the host of a URL as a domain (or IP) with role <c>url_host</c>.</summary>
    internal static void AddHost(string host, Action<ObservableType, string, string?> add)
    {
        var h = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(h, out var ip))
            add(ip.AddressFamily == AddressFamily.InterNetworkV6 ? ObservableType.Ipv6 : ObservableType.Ipv4, h, "url_host");
        else if (h.Contains('.', StringComparison.Ordinal))
            add(ObservableType.Domain, h, "url_host");
    }

    private static List<(int Index, int Length)> Matches(Regex regex, char[] text)
    {
        var result = new List<(int, int)>();
        foreach (var match in regex.EnumerateMatches(text)) result.Add((match.Index, match.Length));
        return result;
    }

    private static void Mask(char[] text, int index, int length) => Array.Fill(text, ' ', index, length);

    /// <summary>MD5, SHA-1 or SHA-256 by length, when the hex run stands alone (no letter or digit touches it).</summary>
    private static ObservableType? HashType(ReadOnlySpan<char> text, int index, int length)
    {
        var end = index + length;
        if ((index > 0 && char.IsAsciiLetterOrDigit(text[index - 1])) || (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))) return null;
        return length switch { 32 => ObservableType.Md5, 40 => ObservableType.Sha1, 64 => ObservableType.Sha256, _ => null };
    }

    // A hash inside a URL or an ARN (a sandbox or VirusTotal link, an image digest) is evidence of its own.
    private static void AddHashesWithin(string token, string? role, Action<ObservableType, string, string?> add)
    {
        foreach (var (index, length) in Matches(ExtractionPatterns.Hash(), token.ToCharArray()))
        {
            if (HashType(token.AsSpan(), index, length) is { } type) add(type, token.Substring(index, length).ToLowerInvariant(), role);
        }
    }

    private static ObservableType? HashType(char[] text, int index, int length) => HashType(text.AsSpan(), index, length);

    // "Chrome/108.0.0.0" (a User-Agent product token), "version 3.1.3.38" and "build: 10.0.19041.1" are versions, not addresses.
    private static bool IsVersion(char[] text, int index)
    {
        if (index >= 2 && text[index - 1] == '/' && char.IsAsciiLetterOrDigit(text[index - 2])) return true;
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or ':' or '=' or '\t') i--;
        var end = i + 1;
        while (i >= 0 && char.IsAsciiLetter(text[i])) i--;
        var word = new string(text, i + 1, end - (i + 1));
        return word.Equals("version", StringComparison.OrdinalIgnoreCase) || word.Equals("ver", StringComparison.OrdinalIgnoreCase)
            || word.Equals("build", StringComparison.OrdinalIgnoreCase) || word.Equals("v", StringComparison.OrdinalIgnoreCase);
    }

    // "1.2.3.4.5" is a version string and "0.92.231.35.bc.googleusercontent.com" a host name, not addresses.
    private static bool IsInsideDottedRun(char[] text, int index, int length)
    {
        var end = index + length;
        return (index > 0 && text[index - 1] == '.')
            || (end + 1 < text.Length && text[end] == '.' && char.IsAsciiLetterOrDigit(text[end + 1]));
    }

    private static string? TryPhone(char[] text, int index, int length)
    {
        var candidate = new string(text, index, length).Trim();
        var digits = candidate.Count(char.IsDigit);
        if (digits is < 10 or > 15) return null;
        var telLink = index >= 4 && text[index - 1] == ':' && new string(text, index - 4, 3).Equals("tel", StringComparison.OrdinalIgnoreCase);
        if (!telLink && index > 0 && (char.IsLetterOrDigit(text[index - 1]) || text[index - 1] is '.' or '/' or '-' or '=' or ':')) return null;
        var end = index + length;
        if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '/' or ':' || (text[end] == '.' && end + 1 < text.Length && char.IsDigit(text[end + 1])))) return null;
        var groups = candidate.Split([' ', '-', '.', '(', ')', '+'], StringSplitOptions.RemoveEmptyEntries);
        if (!telLink && (groups.Length < 3 || groups[^1].Length < 3)) return null;
        var separators = candidate.Where(c => c is ' ' or '-' or '.').Distinct().Count();
        if (separators > 1 && !candidate.Contains('(', StringComparison.Ordinal) && !candidate.StartsWith('+')) return null;
        var start = Math.Max(0, index - 48);
        var before = new string(text, start, index - start);
        var phoneLike = telLink || candidate.StartsWith('+') || candidate.Contains('(', StringComparison.Ordinal)
            || ExtractionPatterns.PhoneContext().IsMatch(before);
        return phoneLike ? CanonicalPhone(candidate) : null;
    }

    /// <summary>E.164-style form (<c>+18885550147</c>) so the same number spelt differently de-duplicates; 10-digit numbers are NANP.</summary>
    internal static string CanonicalPhone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (value.TrimStart().StartsWith('+')) return "+" + digits;
        return digits.Length switch
        {
            10 => "+1" + digits,
            11 when digits[0] == '1' => "+" + digits,
            _ => digits,
        };
    }
}
