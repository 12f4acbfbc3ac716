using AgenticIR.Agents.Context;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;

namespace AgenticIR.Agents.Triage;

internal static partial class TriageSignals
{
    /// <summary>The strongest of several cheap anomaly checks (country, recent sign-ins, command lines, new address, unseen file, hour).</summary>
    public static SignalScore BehavioralAnomaly(NormalizedAlert alert, IContextStore context)
    {
        var parts = new List<(double Score, string Evidence)>();
        var normal = new List<string>();
        var identity = People(alert).Select(o => context.FindIdentity(o.Value)).OfType<IdentityRecord>().FirstOrDefault();
        if (Country(alert) is { } country && identity is { UsualCountries.Count: > 0 })
        {
            if (identity.UsualCountries.Contains(country, StringComparer.OrdinalIgnoreCase)) normal.Add($"country {country} is usual for {identity.User}");
            parts.Add(identity.UsualCountries.Contains(country, StringComparer.OrdinalIgnoreCase)
                ? (0.05, $"country {country} is usual for {identity.User}")
                : (0.8, $"activity from {country}; {identity.User} usually signs in from {string.Join(";", identity.UsualCountries)}"));
        }
        if (identity is { UsualCountries.Count: > 0 })
        {
            var odd = context.SignInsOfUser(identity.User)
                .FirstOrDefault(s => s.Success && (s.Timestamp - alert.Timestamp).Duration() <= TimeSpan.FromHours(2) && !identity.UsualCountries.Contains(s.Country, StringComparer.OrdinalIgnoreCase));
            if (odd is not null) parts.Add((0.75, $"{identity.User} signed in from {odd.Country} ({odd.SourceIp}) within 2 h of the alert"));
        }
        foreach (var o in alert.Observables.Where(o => o.Type is ObservableType.CommandLine or ObservableType.Process))
        {
            if (ProcessPatterns.Match(o.Value, null).FirstOrDefault() is { } p) parts.Add((0.7, $"{p.Label} ({p.Technique})"));
        }
        if (identity is not null)
        {
            foreach (var ip in alert.Observables.Where(o => o.Type is ObservableType.Ipv4 or ObservableType.Ipv6))
            {
                var before = context.SignInsFromIp(ip.Value)
                    .Where(s => s.Success && string.Equals(ContextKeys.User(s.User), identity.User, StringComparison.OrdinalIgnoreCase) && s.Timestamp < alert.Timestamp).ToList();
                var usual = before.Count > 0 && (identity.UsualCountries.Count == 0 || before.All(s => identity.UsualCountries.Contains(s.Country, StringComparer.OrdinalIgnoreCase)));
                if (usual)
                {
                    parts.Add((0.05, $"{ip.Value} is a known address of {identity.User}"));
                    normal.Add($"{identity.User} signed in from {ip.Value} {before.Count} time(s) before, from usual countries");
                }
                else if (identity.Privileged && ip.IsPublicAddress)
                {
                    parts.Add((0.5, $"privileged {identity.User} from new public address {ip.Value}"));
                }
            }
        }
        parts.AddRange(MaliciousFilesThatRan(alert, context));
        parts.AddRange(SuspiciousCommandsOfAlertUsers(alert, context));
        foreach (var h in alert.Of(ObservableType.Sha256).Where(h => context.EventsWithHash(h.Value).Count == 0 && context.FindIndicator(h) is null))
        {
            parts.Add((0.4, $"file {h.Value[..Math.Min(12, h.Value.Length)]}… never seen on a monitored host"));
        }
        var t = alert.Timestamp.UtcDateTime;
        if (t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || t.Hour < 6 || t.Hour >= 20) parts.Add((0.3, $"off-hours ({t:ddd HH:mm} UTC)"));

        if (parts.Count == 0) return new SignalScore(0.1, "no behavioural anomaly found in context", false);
        var max = parts.Max(p => p.Score);
        return new SignalScore(max, string.Join("; ", parts.OrderByDescending(p => p.Score).Select(p => p.Evidence).Take(3)), true,
            normal.Count == 0 ? null : string.Join("; ", normal.Distinct().Take(2)));
    }

    /// <summary>
    /// A TI-malicious file the alert names (by hash, or by process/file name on the alert's own host) that endpoint
    /// telemetry shows running: the threat was not only delivered, it executed.
    /// </summary>
    private static IEnumerable<(double Score, string Evidence)> MaliciousFilesThatRan(NormalizedAlert alert, IContextStore context)
    {
        foreach (var h in alert.Of(ObservableType.Sha256).Where(h => context.FindIndicator(h) is { Verdict: "malicious" }))
        {
            var hosts = context.EventsWithHash(h.Value).Select(e => e.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (hosts.Count > 0) yield return (0.9, $"TI-malicious file {h.Value[..Math.Min(12, h.Value.Length)]}… executed on {string.Join(", ", hosts.Take(3))}");
        }
        var names = alert.Observables.Where(o => o.Type is ObservableType.Process or ObservableType.FileName)
            .Select(o => FileName(o.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0) yield break;
        if (alert.Of(ObservableType.Sha256).Any(h => context.FindIndicator(h) is { Verdict: "malicious" }))
        {
            // A malicious attachment seldom keeps its hash on disk once opened; its file name on a recipient's own
            // workstation (hosts they sign in to) shows it was opened.
            var files = alert.Of(ObservableType.FileName).Select(o => FileName(o.Value)).ToList();
            foreach (var user in People(alert).Select(o => ContextKeys.User(o.Value)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var opened = context.SignInsOfUser(user).Select(x => x.Host).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
                    .SelectMany(context.EventsOnHost)
                    .FirstOrDefault(e => e.User is not null && string.Equals(ContextKeys.User(e.User), user, StringComparison.OrdinalIgnoreCase)
                        && files.Any(f => e.CommandLine?.Contains(f, StringComparison.OrdinalIgnoreCase) == true));
                if (opened is not null) yield return (0.9, $"{user} opened the TI-malicious attachment on {opened.Host} ({FileName(opened.Process)})");
            }
        }
        foreach (var host in alert.Of(ObservableType.Host))
        {
            var ran = context.EventsOnHost(host.Value).FirstOrDefault(e => e.Sha256 is { } sha && names.Contains(FileName(e.Process))
                && context.FindIndicator(new Observable(ObservableType.Sha256, sha)) is { Verdict: "malicious" });
            if (ran is not null) yield return (0.9, $"{FileName(ran.Process)} on {ran.Host} has a TI-malicious hash ({ran.Sha256![..12]}…)");
        }
    }

    /// <summary>Attack-pattern commands run by the alert's own users on the alert's own hosts within 2 h (not the hosts' other history).</summary>
    private static IEnumerable<(double Score, string Evidence)> SuspiciousCommandsOfAlertUsers(NormalizedAlert alert, IContextStore context)
    {
        var users = People(alert).Select(o => ContextKeys.User(o.Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (users.Count == 0) yield break;
        foreach (var host in alert.Of(ObservableType.Host).Select(h => ContextKeys.Host(h.Value)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var e in context.EventsOnHost(host).Where(e => e.User is not null && users.Contains(ContextKeys.User(e.User))
                && (e.Timestamp - alert.Timestamp).Duration() <= TimeSpan.FromHours(2)))
            {
                if (ProcessPatterns.Match(e.Process, e.CommandLine).FirstOrDefault() is { } p)
                    yield return (0.7, $"{e.User} ran {p.Label} on {e.Host} ({p.Technique})");
            }
        }
    }

    private static string FileName(string path) => path[(path.LastIndexOfAny(['\\', '/']) + 1)..];

    /// <summary>Other alerts on the same entities (24 h / 7 d), and for mail IOCs the same lure delivered to other mailboxes in 24 h.</summary>
    public static SignalScore TemporalProximity(NormalizedAlert alert, IContextStore context)
    {
        var entities = alert.Observables.Where(o => o.Type is not (ObservableType.CommandLine or ObservableType.Process or ObservableType.FileName)).ToList();
        var related = entities.SelectMany(context.History)
            .Where(h => h.AlertId != alert.AlertId && h.Disposition is not ("false_positive" or "benign"))
            .GroupBy(h => h.AlertId).Select(g => g.First()).ToList();
        var day = related.Where(h => (h.Timestamp - alert.Timestamp).Duration() <= TimeSpan.FromHours(24)).ToList();
        var week = related.Count(h => (h.Timestamp - alert.Timestamp).Duration() <= TimeSpan.FromDays(7));

        var lureDomains = alert.Of(ObservableType.Url).Concat(alert.Of(ObservableType.QrPayload)).Select(o => ContextKeys.UrlHost(o.Value)).OfType<string>()
            .Concat(alert.Of(ObservableType.Domain).Select(o => o.Value)).Distinct(StringComparer.OrdinalIgnoreCase);
        var messages = lureDomains.SelectMany(context.MessagesWithDomain)
            .Concat(alert.Of(ObservableType.Email).Where(AlertFingerprint.IsSender).SelectMany(o => context.MessagesFromSender(o.Value)))
            .Where(m => m.Delivery == "delivered" && (m.Timestamp - alert.Timestamp).Duration() <= TimeSpan.FromHours(24));
        var recipients = messages.Select(m => m.Recipient).Distinct(StringComparer.OrdinalIgnoreCase).Count();

        var score = day.Count >= 2 || recipients >= 3 ? 1.0 : day.Count == 1 || recipients >= 1 ? 0.7 : week > 0 ? 0.4 : 0.0;
        var parts = new List<string>();
        if (day.Count > 0) parts.Add($"{day.Count} related alert(s) within 24 h ({string.Join(", ", day.Take(3).Select(h => h.RuleName))})");
        else if (week > 0) parts.Add($"{week} related alert(s) within 7 days");
        if (recipients > 0) parts.Add($"same lure delivered to {recipients} mailbox(es) within 24 h");
        return parts.Count == 0
            ? new SignalScore(0, "no related alerts or deliveries on these entities", false)
            : new SignalScore(score, string.Join("; ", parts), true);
    }
}
