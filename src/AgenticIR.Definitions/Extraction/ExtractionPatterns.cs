using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Extraction;

/// <summary>
/// Candidate patterns for free-text extraction. All are non-backtracking so a hostile 64 KiB field scans in linear
/// time; candidates are validated in code, which is also where context rules (placeholders, phone context) live.
/// </summary>
internal static partial class ExtractionPatterns
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?:https?|ftp)://[^\s""'<>\\^`{|}\[\]]+", Options | RegexOptions.IgnoreCase)]
    public static partial Regex Url();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,24}", Options)]
    public static partial Regex Email();

    [GeneratedRegex(@"arn:aws[a-z\-]*:[a-z0-9\-]+:[a-z0-9\-]*:[0-9]{0,12}:[^\s""',;<>\[\]{}]+", Options)]
    public static partial Regex Arn();

    [GeneratedRegex(@"\b[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\b", Options)]
    public static partial Regex Ipv4();

    [GeneratedRegex(@"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*", Options)]
    public static partial Regex Ipv6();

    // Boundaries are checked in code (a letter or digit on either side rejects the run) so that '_' separates,
    // as in CrowdStrike's "<agent id>_<sha256>" quarantine ids.
    [GeneratedRegex(@"[0-9A-Fa-f]{32,128}", Options)]
    public static partial Regex Hash();

    /// <summary>RFC 5322 Message-ID, In-Reply-To and References header lines (with folded continuations) and
    /// <c>message_id=&lt;…&gt;</c>-style pairs: the <c>&lt;id@host&gt;</c> they carry is an identifier, not an address.</summary>
    [GeneratedRegex(@"(?:^|\n)[ \t]*(?:[A-Za-z\-]*message-id|in-reply-to|references)[ \t]*:[ \t]*(?:\r?\n[ \t]+)?<[^\n]*(?:\n[ \t]+[^\n]*)*|(?:message[\-_ ]?id|in[\-_ ]reply[\-_ ]to)[""']?[ \t]*[:=][ \t]*[""']?<[^<>\s]{1,250}@[^<>\s]{1,250}>", Options | RegexOptions.IgnoreCase)]
    public static partial Regex MessageIdHeader();

    [GeneratedRegex(@"\b(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b", Options)]
    public static partial Regex Domain();

    [GeneratedRegex(@"\+?\(?[0-9]{1,4}\)?(?:[ .\-]?\(?[0-9]{2,4}\)?){2,5}", Options)]
    public static partial Regex Phone();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,24}$", Options)]
    public static partial Regex WholeEmail();

    [GeneratedRegex(@"^(?:[A-Za-z0-9_](?:[A-Za-z0-9_\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9\-]{0,23}$", Options)]
    public static partial Regex WholeDomain();

    [GeneratedRegex(@"(?:call|phone|tel|telephone|contact|dial|helpline|hotline|support|mobile|cell|number|toll|reach us|text)", Options | RegexOptions.IgnoreCase)]
    public static partial Regex PhoneContext();
}
