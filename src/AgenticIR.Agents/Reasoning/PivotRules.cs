using AgenticIR.Agents.Context;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using T = AgenticIR.Agents.Tools.ToolNames;
using K = AgenticIR.Core.Investigation.FindingKinds;

namespace AgenticIR.Agents.Reasoning;

/// <summary>
/// How much each (tool, observable) step is worth, as two tables an analyst can read and argue with:
/// <see cref="Pivots"/> (what a finding makes urgent) and <see cref="Opening"/> (what to ask first about the alert's own observables).
/// </summary>
internal static class PivotRules
{
    /// <summary>Below this, a step is not worth its cost and the deterministic reasoner concludes.</summary>
    public const double Floor = 0.3;

    /// <summary>Observables a finding discovered (rather than the alert carried) start at this fraction of their opening priority.</summary>
    public const double DiscoveredDiscount = 0.7;

    /// <summary>
    /// What a mapping's payload sweep found outside the declared fields (agent ids shaped like hashes, addresses in
    /// vendor links) is looked up last: only the strongest reputation lookups stay above <see cref="Floor"/>.
    /// </summary>
    public const double SweptDiscount = 0.4;

    public static IReadOnlyList<PivotRule> Pivots { get; } =
    [
        new(K.MaliciousDomain, T.MailboxSearch, PivotTarget.Both, 0.95, "find every mailbox that received {0}"),
        new(K.MaliciousDomain, T.AlertHistory, PivotTarget.Both, 0.90, "other alerts on {0} show how far the campaign got"),
        new(K.MaliciousUrl, T.MailboxSearch, PivotTarget.Both, 0.95, "find every mailbox that received links to {0}"),
        new(K.MaliciousUrl, T.AlertHistory, PivotTarget.Both, 0.90, "other alerts on {0} show who clicked"),
        new(K.MaliciousSender, T.MailboxSearch, PivotTarget.Subject, 0.93, "find other messages from {0}"),
        new(K.MaliciousPhone, T.AlertHistory, PivotTarget.Subject, 0.70, "callback number {0} is malicious: who else was given it"),
        new(K.LureDelivered, T.SignInHistory, PivotTarget.Discovered, 0.70, "{0} received the lure: check whether it then signed in from somewhere unusual"),
        new(K.CompromisedAccount, T.SignInHistory, PivotTarget.Both, 0.90, "{0} looks compromised: review all its sign-ins"),
        new(K.CompromisedAccount, T.Identity, PivotTarget.Both, 0.75, "{0} looks compromised: how privileged is it"),
        new(K.CompromisedAccount, T.CloudActivity, PivotTarget.Both, 0.60, "{0} looks compromised: did it change anything in the cloud"),
        new(K.ImpossibleTravel, T.ThreatIntel, PivotTarget.Discovered, 0.88, "{0} was a sign-in source in impossible travel: is it known bad"),
        new(K.ImpossibleTravel, T.IpSignInActivity, PivotTarget.Discovered, 0.85, "{0} was a sign-in source in impossible travel: which other accounts did it try"),
        new(K.PasswordSpray, T.SignInHistory, PivotTarget.Discovered, 0.85, "{0} was sprayed: did the attacker get in"),
        new(K.PrivilegedAccount, T.SignInHistory, PivotTarget.Both, 0.80, "{0} is privileged: check where it signed in"),
        new(K.CriticalAsset, T.HostProcessActivity, PivotTarget.Both, 0.75, "{0} is a critical asset: check what ran on it"),
        new(K.MaliciousHash, T.HashPrevalence, PivotTarget.Both, 0.95, "hash {0} is malware: find every host that ran it"),
        new(K.MalwareExecution, T.HashPrevalence, PivotTarget.Discovered, 0.92, "{0} ran as malware: find every host that ran it"),
        new(K.MalwareExecution, T.HostProcessActivity, PivotTarget.Discovered, 0.85, "malware ran on {0}: look for follow-on activity"),
        new(K.C2Communication, T.IpConnections, PivotTarget.Discovered, 0.90, "{0} is a C2 address: find every host talking to it"),
        new(K.MaliciousIp, T.IpConnections, PivotTarget.Both, 0.85, "{0} is malicious: which hosts talked to it"),
        new(K.MaliciousIp, T.IpSignInActivity, PivotTarget.Both, 0.80, "{0} is malicious: did it sign in to any account"),
        new(K.LateralMovement, T.HostProcessActivity, PivotTarget.Discovered, 0.90, "the attacker reached {0}: check what ran there"),
        new(K.LateralMovement, T.Asset, PivotTarget.Discovered, 0.70, "the attacker reached {0}: how critical is it"),
        new(K.Persistence, T.HashPrevalence, PivotTarget.Discovered, 0.80, "{0} was persisted: is it on other hosts"),
        new(K.SuspiciousProcess, T.ThreatIntel, PivotTarget.Discovered, 0.80, "{0} came from a suspicious process: is it known bad"),
        new(K.CredentialDumping, T.ThreatIntel, PivotTarget.Discovered, 0.80, "{0} came from a credential-dumping process: is it known bad"),
        new(K.CloudPrivilegeChange, T.CloudActivity, PivotTarget.Discovered, 0.85, "{0} took part in a privilege change: follow it"),
        new(K.AccessKeyCreated, T.CloudActivity, PivotTarget.Discovered, 0.85, "{0} got a new access key: what was it used for"),
        new(K.PublicBucket, T.CloudActivity, PivotTarget.Discovered, 0.80, "{0} was made public: who did it and what else they did"),
        new("*", T.ThreatIntel, PivotTarget.Discovered, 0.65, "{0} was newly found: check it in threat intel"),
        new("*", T.Asset, PivotTarget.Discovered, 0.50, "{0} was newly found: look it up in the inventory"),
    ];

    private const string SoarIpReputation = "ip_reputation";
    private const string SoarDomainReputation = "domain_reputation";
    private const string SoarUrlReputation = "url_reputation";
    private const string SoarFileReputation = "file_reputation";
    private const string SoarUserLookup = "user_lookup";
    private const string SoarHuntHash = "hunt_hash";

    /// <summary>The SOAR enrichment actions the investigation agent opens with (when a SOAR binding registers them).</summary>
    public static IReadOnlyList<string> SoarTools { get; } =
        [SoarIpReputation, SoarDomainReputation, SoarUrlReputation, SoarFileReputation, SoarUserLookup, SoarHuntHash];

    /// <summary>Opening priority of a tool on an observable the alert carries, given the alert's family.</summary>
    public static (double Priority, string Because) Opening(string tool, Observable o, string family)
    {
        var publicIp = o.IsPublicAddress;
        var ip = o.Type is ObservableType.Ipv4 or ObservableType.Ipv6;
        // Only a mailbox address can be a sender (every rule below that asks is about an email observable).
        var sender = o.Type is ObservableType.Email && o.Role is not null
            && (o.Role.Contains("sender", StringComparison.OrdinalIgnoreCase) || o.Role.Contains("from", StringComparison.OrdinalIgnoreCase));
        var hash = o.Type is ObservableType.Sha256 or ObservableType.Md5 or ObservableType.Sha1;
        var p = tool switch
        {
            T.ThreatIntel when o.Type is ObservableType.Url or ObservableType.QrPayload => (0.90, "a link in the alert: is it known bad"),
            T.ThreatIntel when o.Type is ObservableType.Domain || hash => (0.85, "an indicator in the alert: is it known bad"),
            T.ThreatIntel when publicIp => (0.80, "an external address in the alert: is it known bad"),
            T.ThreatIntel when o.Type is ObservableType.Phone => (0.80, "a callback number in the alert: is it known bad"),
            T.ThreatIntel when o.Type is ObservableType.Email => sender ? (0.75, "the sender: is it known bad") : (0.25, "a mailbox address, rarely in intel"),
            T.Asset when o.Type is ObservableType.Host => (0.60, "the host: how critical is it"),
            T.Asset when ip => publicIp ? (0.20, "an external address is not in the inventory") : (0.55, "an internal address: which asset is it"),
            T.Identity when o.Type is ObservableType.User => (0.60, "the user: role and privilege"),
            T.Identity when o.Type is ObservableType.Email => sender ? (0.20, "an external sender is not in the directory") : (0.50, "the mailbox owner: role and privilege"),
            T.SignInHistory when o.Type is ObservableType.User => family == AlertFamily.Identity ? (0.85, "an identity alert: where did the user sign in") : (0.50, "where did the user sign in"),
            T.SignInHistory when o.Type is ObservableType.Email && !sender => family == AlertFamily.Identity ? (0.60, "an identity alert: where did the mailbox owner sign in") : (0.35, "where did the mailbox owner sign in"),
            T.IpSignInActivity when publicIp => family == AlertFamily.Identity ? (0.75, "an identity alert from an external address: what else did it try") : (0.45, "did the address sign in anywhere"),
            T.IpConnections when publicIp => family is AlertFamily.Malware or AlertFamily.Network ? (0.65, "which hosts talked to the address") : (0.45, "which hosts talked to the address"),
            T.HostProcessActivity when o.Type is ObservableType.Host => family == AlertFamily.Malware ? (0.80, "an endpoint alert: what ran on the host") : (0.55, "what ran on the host"),
            T.HashPrevalence when hash => (0.60, "where else the file ran"),
            T.MailboxSearch when o.Type is ObservableType.Domain or ObservableType.Url => family == AlertFamily.Phishing ? (0.60, "a phishing link: who else received it") : (0.40, "who else received the link"),
            T.MailboxSearch when o.Type is ObservableType.Email && sender => family == AlertFamily.Phishing ? (0.60, "a phishing sender: who else received its mail") : (0.40, "other mail from the sender"),
            T.MailboxSearch when o.Type is ObservableType.Sha256 => (0.45, "who else received the attachment"),
            T.CloudActivity when o.Type is ObservableType.CloudResource => (0.70, "the cloud resource: who changed it"),
            T.CloudActivity when o.Type is ObservableType.User => family == AlertFamily.Cloud ? (0.75, "a cloud alert: what did the principal do") : (0.30, "any cloud changes by the user"),
            // SOAR enrichment actions (registered when a SOAR is configured): the SOAR's own reputation and directory apps,
            // just below the local equivalents so a cached local answer is asked first and the SOAR confirms it.
            SoarIpReputation when publicIp => (0.78, "an external address: what does the SOAR's reputation app say"),
            SoarDomainReputation when o.Type is ObservableType.Domain => (0.83, "a domain in the alert: what does the SOAR's reputation app say"),
            SoarUrlReputation when o.Type is ObservableType.Url => (0.88, "a link in the alert: what does the SOAR's reputation app say"),
            SoarFileReputation when hash => (0.83, "a file in the alert: what does the SOAR's reputation app say"),
            SoarUserLookup when o.Type is ObservableType.User => (0.55, "the user: what does the directory say"),
            SoarHuntHash when hash => (0.58, "which endpoints have the file, per the EDR"),
            T.AlertHistory when o.Type is not (ObservableType.CommandLine or ObservableType.Process or ObservableType.FileName) => (0.35, "has it been seen in past alerts"),
            _ => (0.0, "not useful"),
        };
        return p;
    }

    /// <summary>
    /// Scores every (tool, observable) pair not yet run. The reason names the rule and, for pivots, the finding that triggered it.
    /// </summary>
    private const double FreeTextDiscount = 0.5;

    public static IReadOnlyList<StepChoice> Candidates(
        IReadOnlyList<Observable> own, IReadOnlyList<Observable> known, IReadOnlyList<Finding> findings,
        ISet<string> done, ToolRegistry tools, string family, IReadOnlyList<string> hints, QueryKeys? keys = null)
    {
        // The loop passes its own memo, so query keys, swept parents, hint matches and the opening offers of each
        // observable are computed once per loop.
        keys ??= new QueryKeys(hints);
        HashSet<Observable>? ownSet = null;
        var best = new Dictionary<string, StepChoice>(StringComparer.OrdinalIgnoreCase);
        // Whether a finding already found an observable benign is answered once per call rather than once per offer.
        var benign = findings.Where(f => f.Verdict == Verdict.Benign && f.Subject is not null).Select(f => f.Subject!).ToHashSet();
        // The final priority of a step, or null when it is not offered; the reason text is built only for a step that
        // beats the best one so far for its question (most offers repeat a question already asked or outscored).
        double? Score(string key, string tool, Observable o, double priority, out bool looksBenign)
        {
            looksBenign = false;
            if (done.Contains(key) || priority <= 0 || SweptParent(tool, o, done, keys)) return null;
            if (keys.Hinted(o)) priority += 0.05;
            if (benign.Contains(o)) { priority -= 0.2; looksBenign = true; }
            return best.TryGetValue(key, out var current) && current.Priority >= priority ? null : priority;
        }
        void Offer(string key, string tool, Observable o, double priority, string because, bool looksBenign)
        {
            if (looksBenign) because += BenignSuffix;
            best[key] = new StepChoice(tool, o, because, Math.Round(priority, 3));
        }
        OpeningOffer[] OpeningsOf(Observable o)
        {
            ownSet ??= own.ToHashSet();
            var discovered = !ownSet.Contains(o);
            var offers = new List<OpeningOffer>();
            foreach (var tool in tools.For(o.Type))
            {
                var (p, because) = Opening(tool.Name, o, family);
                if (discovered) p *= DiscoveredDiscount;
                // A value found only in free text may be looked up, but after every structured entity: it is what
                // somebody wrote, not what the alert is about, and it must not spend the step budget first.
                if (o.FromPayloadSweep) p *= SweptDiscount;
                else if (o.FromFreeText) p *= FreeTextDiscount;
                // A pair no rule finds useful is never offered, at any step.
                if (p > 0) offers.Add(new OpeningOffer(tool.Name, keys.For(tool.Name, o), p, because, discovered));
            }
            return [.. offers];
        }

        foreach (var o in known)
        {
            if (!keys.TryGetOpenings(o, out var offers)) keys.SetOpenings(o, offers = OpeningsOf(o));
            foreach (var offer in offers)
            {
                if (Score(offer.Key, offer.Tool, o, offer.Priority, out var looksBenign) is not { } score) continue;
                best[offer.Key] = new StepChoice(offer.Tool, o, OpeningReason(offer.Because, offer.Discovered, o.FromPayloadSweep, o.FromFreeText, looksBenign), Math.Round(score, 3));
            }
        }
        foreach (var f in findings.Where(f => f.Verdict != Verdict.Informational || f.Kind is not null))
        {
            foreach (var rule in Pivots.Where(r => r.WhenKind == f.Kind || (r.WhenKind == "*" && f.Verdict is Verdict.Malicious or Verdict.Suspicious)))
            {
                if (tools.Find(rule.Tool) is not { } tool) continue;
                foreach (var o in Targets(f, rule.Target).Where(o => tool.Accepts.Contains(o.Type)))
                {
                    var key = keys.For(rule.Tool, o);
                    if (Score(key, rule.Tool, o, rule.Priority, out var looksBenign) is not { } score) continue;
                    Offer(key, rule.Tool, o, score, $"{f.Id}: {f.Title} → " + string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.Because, o.Value), looksBenign);
                }
            }
        }
        return best.Values.OrderByDescending(c => c.Priority).ThenBy(c => c.Tool, StringComparer.Ordinal).ThenBy(c => c.Subject.Value, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private const string BenignSuffix = " (already looks benign)";

    // An opening step's reason is one of the rule texts above with fixed qualifiers, so each combination is built once
    // per process rather than once per offer (the cache is bounded by the rule texts times sixteen).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Because, int Qualifiers), string> OpeningReasons = new();

    private static string OpeningReason(string because, bool discovered, bool swept, bool freeText, bool looksBenign)
    {
        var qualifiers = (discovered ? 1 : 0) | (swept ? 2 : 0) | (freeText ? 4 : 0) | (looksBenign ? 8 : 0);
        if (qualifiers == 0) return because;
        return OpeningReasons.GetOrAdd((because, qualifiers), static k =>
        {
            var text = k.Because;
            if ((k.Qualifiers & 1) != 0) text = "found during the investigation; " + text;
            if ((k.Qualifiers & 2) != 0) text = "found by sweeping the payload; " + text;
            else if ((k.Qualifiers & 4) != 0) text = "found only in free text; " + text;
            return (k.Qualifiers & 8) != 0 ? text + BenignSuffix : text;
        });
    }

    /// <summary>What makes two steps the same question: the tool and the normalized subject (a URL's mailbox sweep is a sweep of its domain).</summary>
    public static string QueryKey(string tool, Observable o)
    {
        if (tool == T.MailboxSearch && o.Type == ObservableType.Url && ContextKeys.UrlHost(o.Value) is { } host) return $"{tool}|domain:{host}";
        // Account-centric tools resolve a mailbox to its account, so kpatel and kpatel@corp.example are one question.
        if (tool is T.SignInHistory or T.Identity && o.Type is ObservableType.User or ObservableType.Email) return $"{tool}|user:{ContextKeys.User(o.Value)}";
        return $"{tool}|{o.Key}";
    }

    // A mailbox sweep of evil.com already covered links on login.evil.com (the trace is indexed by parent domains).
    private static bool SweptParent(string tool, Observable o, ISet<string> done, QueryKeys keys)
    {
        if (tool != T.MailboxSearch) return false;
        foreach (var parent in keys.SweptParents(o))
            if (done.Contains(parent)) return true;
        return false;
    }

    private static IEnumerable<Observable> Targets(Finding f, PivotTarget target)
    {
        if (target != PivotTarget.Discovered && f.Subject is not null) yield return f.Subject;
        if (target == PivotTarget.Subject) yield break;
        foreach (var d in f.Discovered) yield return d;
    }
}
