using AgenticIR.Agents.Context;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Security;

namespace AgenticIR.Agents.Triage;

/// <summary>
/// The duplicate key of an alert: the same incident reported several times, by different tools and formats, gets
/// the same fingerprint; a different host or user gets a different one.
/// </summary>
/// <remarks>
/// The key is <c>family | user or host | primary IOC</c> over the alert's structured entities (never values found only in
/// free text), hashed; an alert with no entity at all keys on its source format and rule instead:
/// <list type="bullet">
/// <item><b>family</b> — the alert family (phishing, identity, malware, cloud, network) from the category or the rule/title
/// words, not the exact rule name, because two products name the same detection differently.</item>
/// <item><b>host</b> — the host's short name (FQDN first label), so <c>FIN-WS-014</c> and <c>fin-ws-014.corp.local</c> meet.</item>
/// <item><b>user</b> — the account without domain prefix or mail domain (<c>CORP\kpatel</c>, <c>kpatel@corp.com</c> → kpatel);
/// when no user observable exists, a non-sender e-mail address (the phishing recipient) stands in.</item>
/// <item><b>primary IOC</b> — the strongest external indicator: file hash, else the host of a URL or a domain
/// (so two URLs on one lure domain match), else a public IP, sender, phone, cloud resource.</item>
/// </list>
/// Alert ids, timestamps, titles and severities are left out on purpose: they differ between reports of one incident.
/// When several values of one kind exist the smallest (ordinal) is used, so observable order does not matter.
/// </remarks>
public static class AlertFingerprint
{
    /// <summary>Computes the fingerprint, e.g. <c>fp-3a9c…</c> (24 hex digits).</summary>
    public static string Compute(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return "fp-" + TextHash.Sha256Hex(Key(alert))[..24];
    }

    /// <summary>The readable key before hashing, for logs and tests.</summary>
    public static string Describe(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Key(alert);
    }

    // Tools name the same incident differently: a gateway, Defender and the user's report of one message see different
    // URLs (a QR code is invisible to one of them), and an EDR, a firewall and an IdP label hosts and categories their
    // own way. So the key holds only what every report of the incident shares: for a message, who sent it to whom;
    // otherwise the acting account (or host, when there is none) and the strongest indicator.
    private static string Key(NormalizedAlert alert)
    {
        // Values found only in free text were written by whoever wrote the alert: they must not steer which incident
        // an alert joins.
        alert = alert with { Observables = alert.Observables.Where(o => !o.FromFreeText).ToList() };
        var family = Family(alert);
        if (family == AlertFamily.Phishing && Sender(alert) is { Length: > 0 } sender)
            return string.Join('|', "v3", family, "message", sender, User(alert));
        var actor = User(alert);
        var host = Host(alert);
        var ioc = PrimaryIoc(alert);
        // With no entity at all nothing ties two alerts to one incident but the detection itself: only the same rule
        // from the same source may merge, so a critical detection never disappears into an unrelated test alert.
        if (actor.Length == 0 && host.Length == 0 && ioc.Length == 0)
            return string.Join('|', "v3", family, "rule", alert.SourceFormat, RuleKey(alert));
        return string.Join('|', "v3", family, "activity", actor.Length > 0 ? "user:" + actor : "host:" + host, ioc);
    }

    // An EDR and a firewall report one beaconing host as malware and as network activity: for incidents on a host
    // the two families are one.
    private static string Family(NormalizedAlert alert) => AlertFamily.Of(alert) is AlertFamily.Malware or AlertFamily.Network ? "host_activity" : AlertFamily.Of(alert);

    private static string RuleKey(NormalizedAlert alert) =>
        string.Join(' ', (alert.RuleName ?? alert.Title).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Sender(NormalizedAlert alert) => Smallest(alert.Of(ObservableType.Email).Where(IsSender).Select(o => o.Value.ToLowerInvariant()));

    private static string Host(NormalizedAlert alert) => Smallest(PreferSource(alert.Of(ObservableType.Host)).Select(o => ContextKeys.Host(o.Value)));

    // The acting side (source user, source host) identifies an activity better than whatever else a product lists.
    private static List<Observable> PreferSource(IEnumerable<Observable> observables)
    {
        var all = observables.ToList();
        var source = all.Where(o => o.Role?.Contains("source", StringComparison.OrdinalIgnoreCase) == true || o.Role?.Contains("actor", StringComparison.OrdinalIgnoreCase) == true).ToList();
        return source.Count > 0 ? source : all;
    }

    // Every account the alert names, actor and subject alike (including IAM users named only by ARN): products
    // disagree on which one is "the" user, but they list the same set.
    private static string User(NormalizedAlert alert)
    {
        var users = alert.Of(ObservableType.User).Select(o => ContextKeys.User(o.Value))
            .Concat(alert.Of(ObservableType.CloudResource).Select(o => IamUserName(o.Value)).OfType<string>())
            .ToList();
        if (users.Count == 0) users = alert.Of(ObservableType.Email).Where(o => !IsSender(o)).Select(o => ContextKeys.User(o.Value)).ToList();
        return string.Join(',', users.Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private static string? IamUserName(string arn)
    {
        const string marker = ":user/";
        var at = arn.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return arn.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) && at > 0 ? arn[(at + marker.Length)..].ToLowerInvariant() : null;
    }

    private static string PrimaryIoc(NormalizedAlert alert)
    {
        IEnumerable<string>[] ranked =
        [
            alert.Of(ObservableType.Sha256).Select(o => "sha256:" + o.Value.ToLowerInvariant()),
            alert.Observables.Where(o => o.IsPublicAddress).Select(o => "ip:" + o.Value.ToLowerInvariant()),
            alert.Of(ObservableType.Url).Concat(alert.Of(ObservableType.QrPayload)).Select(o => ContextKeys.UrlHost(o.Value)).OfType<string>()
                .Concat(alert.Of(ObservableType.Domain).Select(o => o.Value.Trim().TrimEnd('.').ToLowerInvariant())).Select(d => "domain:" + d),
            alert.Of(ObservableType.Email).Where(IsSender).Select(o => "sender:" + o.Value.ToLowerInvariant()),
            alert.Of(ObservableType.Phone).Select(o => "phone:" + new string(o.Value.Where(char.IsDigit).ToArray())),
            alert.Of(ObservableType.Md5).Concat(alert.Of(ObservableType.Sha1)).Select(o => "hash:" + o.Value.ToLowerInvariant()),
            alert.Of(ObservableType.CloudResource).Select(o => "cloud:" + ContextKeys.ResourceName(o.Value)),
        ];
        foreach (var candidates in ranked)
        {
            var value = Smallest(candidates);
            if (value.Length > 0) return value;
        }
        return "";
    }

    internal static bool IsSender(Observable o) =>
        o.Role is not null && (o.Role.Contains("sender", StringComparison.OrdinalIgnoreCase) || o.Role.Contains("from", StringComparison.OrdinalIgnoreCase)
            || o.Role.Contains("reply", StringComparison.OrdinalIgnoreCase));

    private static string Smallest(IEnumerable<string> values) => values.Where(v => v.Length > 0).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
}
