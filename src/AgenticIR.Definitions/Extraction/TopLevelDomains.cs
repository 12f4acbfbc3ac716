using System.Collections.Frozen;

namespace AgenticIR.Definitions.Extraction;

/// <summary>
/// The top-level domains accepted when a domain is found in free text. An allow-list rather than the full IANA list
/// because TLDs such as <c>.zip</c>, <c>.mov</c>, <c>.py</c>, <c>.sh</c> and <c>.md</c> collide with file
/// names, and TLDs such as <c>.name</c>, <c>.id</c> and <c>.host</c> with dotted field names (<c>process.name</c>), far more
/// often than they name hosts in alert text.
/// </summary>
internal static class TopLevelDomains
{
    private static readonly FrozenSet<string> Allowed = new[]
    {
        "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "io", "co", "me", "us", "uk", "ca", "au",
        "de", "fr", "es", "nl", "be", "ch", "se", "dk", "fi", "pl", "cz", "sk", "hu", "ro", "bg", "gr", "pt", "ie",
        "lt", "lv", "ee", "ua", "by", "kz", "ru", "su", "cn", "hk", "tw", "jp", "kr", "pk", "bd", "my", "sg", "th",
        "vn", "ph", "nz", "za", "ng", "ke", "eg", "ma", "tn", "il", "ir", "iq", "sa", "ae", "qa", "tr", "br", "ar",
        "cl", "pe", "mx", "ve", "ec", "uy", "li", "lu", "mt", "cy", "si", "hr", "rs", "ba", "mk", "al", "ge", "am",
        "az", "uz", "kg", "tj", "tm", "mn", "np", "lk", "eu", "asia", "cc", "tv", "ws", "ly", "gl", "gg", "je", "im",
        "fm", "la", "nu", "tk", "ml", "ga", "cf", "gq", "pw", "cx", "ai", "gd", "vc", "ag", "xyz", "top", "online",
        "site", "website", "store", "shop", "app", "dev", "cloud", "tech", "live", "link", "click", "club", "space",
        "fun", "icu", "buzz", "vip", "solutions", "digital", "blog", "agency", "company", "global", "pro", "mobi",
        "tel", "travel", "jobs", "cam", "rest", "bar", "monster", "cyou", "sbs", "quest", "lol", "gdn", "win", "bid",
        "loan", "racing", "party", "men", "kim", "ink", "wiki", "bank", "finance", "financial", "money", "microsoft",
        "google", "amazon", "aws", "azure", "goog", "apple", "onion",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the last label of <paramref name="domain"/> is an accepted TLD.</summary>
    public static bool HasAllowedTld(string domain)
    {
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && Allowed.Contains(domain[(dot + 1)..]);
    }
}
