using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Reasoning;

/// <summary>The broad family of an alert (phishing, identity, malware, cloud, network), from its category or, failing that, its words.</summary>
internal static class AlertFamily
{
    public const string Phishing = "phishing";
    public const string Identity = "identity";
    public const string Malware = "malware";
    public const string Cloud = "cloud";
    public const string Network = "network";

    // Order matters: "suspicious sign-in after phishing" is an identity alert, so identity words are tried first.
    private static readonly (string Family, string[] Words)[] Table =
    [
        (Identity, ["sign-in", "signin", "sign in", "login", "logon", "impossible travel", "mfa", "password spray", "brute force", "credential stuffing", "identity", "authentication",
            "privileged group", "sensitive group", "improbable access", "improbable travel", "privilegeescalation", "privilege escalation", "domain admins"]),
        (Cloud, ["cloud", "aws", "azure", "gcp", "iam", "s3", "bucket", "guardduty", "cloudtrail", "access key"]),
        (Phishing, ["phish", "email", "e-mail", "mail", "lure", "bec", "quishing", "qr", "callback", "spoof"]),
        (Malware, ["malware", "ransom", "trojan", "virus", "endpoint", "edr", "powershell", "process", "execution", "lateral", "psexec", "persistence", "c2", "beacon", "loader"]),
        (Network, ["network", "firewall", "ids", "ips", "scan", "dns", "proxy", "traffic"]),
    ];

    // Splunk ES security domains name families by one word that other vocabularies use loosely ("access key").
    private static readonly Dictionary<string, string> SecurityDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["access"] = Identity, ["identity"] = Identity, ["endpoint"] = Malware, ["network"] = Network,
    };

    /// <summary>The family, or the normalized category/rule text when no family word matches.</summary>
    public static string Of(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Category is { Length: > 0 } category)
        {
            if (SecurityDomains.TryGetValue(category.Trim(), out var domain)) return domain;
            var fromCategory = Match(category);
            if (fromCategory is not null) return fromCategory;
        }
        return Match($"{alert.RuleName} {alert.Title}") ?? (alert.Category?.Trim().ToLowerInvariant() ?? "other");
    }

    private static string? Match(string text)
    {
        foreach (var (family, words) in Table)
        {
            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))) return family;
        }
        return null;
    }
}
