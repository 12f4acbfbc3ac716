using AgenticIR.Agents.Context;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>
/// A user's recent sign-ins: countries against the usual ones, impossible travel (two countries within
/// <see cref="TravelWindow"/>), failure bursts, and sign-ins from addresses threat intel knows.
/// </summary>
internal sealed class SignInHistoryTool(IContextStore store) : IInvestigationTool
{
    /// <summary>Two successful sign-ins from different countries closer than this cannot both be the user.</summary>
    internal static readonly TimeSpan TravelWindow = TimeSpan.FromHours(2);

    public string Name => ToolNames.SignInHistory;
    public string Description => "A user's sign-ins in the week around the alert: unusual countries, impossible travel, failures.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType> { ObservableType.User, ObservableType.Email };
    public int Cost => 2;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        var identity = store.FindIdentity(subject.Value);
        var account = identity?.User ?? ContextKeys.User(subject.Value);
        var now = context.Investigation.PrimaryAlert.Timestamp;
        var signIns = store.SignInsOfUser(account).Where(s => s.Timestamp >= now.AddDays(-7) && s.Timestamp <= now.AddDays(1)).ToList();
        if (signIns.Count == 0) return Task.FromResult(new ToolResult($"{account}: no sign-ins in the week before the alert", []));

        var usual = identity?.UsualCountries.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? MostCommon(signIns);
        var ok = signIns.Where(s => s.Success).ToList();
        var failures = signIns.Where(s => !s.Success).ToList();
        var unusual = ok.Where(s => !usual.Contains(s.Country)).ToList();
        var findings = new List<Finding>();

        var travel = ImpossibleTravel(ok);
        if (travel is var (a, b))
        {
            findings.Add(ToolFinding.Create(Name, subject,
                $"Impossible travel for {account}: {a.Country} then {b.Country} within {(b.Timestamp - a.Timestamp).TotalMinutes:0} min",
                Verdict.Suspicious, 0.8, $"sign_ins.csv: {Describe(a)}; {Describe(b)}", FindingKinds.ImpossibleTravel,
                PublicIps([a, b]), ["T1078"], b.Timestamp));
        }
        if (unusual.Count > 0)
        {
            var s = unusual[0];
            var badIp = unusual.Select(u => (SignIn: u, Ti: store.FindIndicator(ToolFinding.Ip(u.SourceIp)))).FirstOrDefault(x => x.Ti?.Verdict is "malicious" or "suspicious");
            var afterFailures = failures.Any(f => f.Timestamp <= s.Timestamp && f.Timestamp >= s.Timestamp.AddHours(-1));
            var compromised = badIp.Ti is not null || travel is not null || afterFailures;
            var why = badIp.Ti is not null ? $"; threat_intel.csv: {badIp.SignIn.SourceIp} {badIp.Ti.Verdict} {ToolFinding.F(badIp.Ti.Confidence)} {badIp.Ti.Campaign}"
                : afterFailures ? "; preceded by failed sign-ins" : "";
            findings.Add(ToolFinding.Create(Name, subject,
                $"{unusual.Count} successful sign-in(s) for {account} from unusual countr{(unusual.Select(u => u.Country).Distinct().Count() > 1 ? "ies" : "y")} {string.Join(", ", unusual.Select(u => u.Country).Distinct())} (usual {string.Join(";", usual)})",
                badIp.Ti is not null ? Verdict.Malicious : Verdict.Suspicious, badIp.Ti is not null ? 0.9 : compromised ? 0.75 : 0.65,
                $"sign_ins.csv: {Describe(s)}{why}", compromised ? FindingKinds.CompromisedAccount : null,
                PublicIps(unusual).Concat(Hosts(unusual)).ToList(), ["T1078"], s.Timestamp));
        }
        if (failures.Count >= 5)
        {
            findings.Add(ToolFinding.Create(Name, subject, $"{failures.Count} failed sign-ins for {account}",
                Verdict.Suspicious, 0.6, $"sign_ins.csv: {Describe(failures[0])} … {Describe(failures[^1])}",
                discovered: PublicIps(failures), techniques: ["T1110"], observedAt: failures[0].Timestamp));
        }
        if (findings.Count == 0 && ok.Count > 0)
        {
            findings.Add(ToolFinding.Create(Name, subject,
                $"All {ok.Count} sign-in(s) of {account} came from usual countries ({string.Join(";", ok.Select(s => s.Country).Distinct())})",
                Verdict.Benign, 0.7, $"sign_ins.csv: {Describe(ok[^1])}; identities.csv usual_countries={string.Join(";", usual)}",
                FindingKinds.UsualLocation, observedAt: ok[^1].Timestamp));
        }
        var summary = $"{account}: {signIns.Count} sign-in(s), {failures.Count} failed, countries {string.Join(", ", signIns.Select(s => s.Country).Distinct())}";
        return Task.FromResult(new ToolResult(summary, findings));
    }

    private static (SignInEvent, SignInEvent)? ImpossibleTravel(List<SignInEvent> ok)
    {
        for (var i = 1; i < ok.Count; i++)
        {
            var (a, b) = (ok[i - 1], ok[i]);
            if (!string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase) && b.Timestamp - a.Timestamp <= TravelWindow) return (a, b);
        }
        return null;
    }

    // Without a directory entry, the countries the user signs in from most are taken as usual.
    private static HashSet<string> MostCommon(List<SignInEvent> signIns)
    {
        var top = signIns.GroupBy(s => s.Country, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).First();
        return new HashSet<string>([top.Key], StringComparer.OrdinalIgnoreCase);
    }

    private static List<Observable> PublicIps(IEnumerable<SignInEvent> s) =>
        s.Where(x => IpClassifier.IsPublic(x.SourceIp)).Select(x => ToolFinding.Ip(x.SourceIp, "sign_in_source")).Distinct().ToList();

    private static IEnumerable<Observable> Hosts(IEnumerable<SignInEvent> s) =>
        s.Where(x => x.Host is not null).Select(x => new Observable(ObservableType.Host, x.Host!, "sign_in_host")).Distinct();

    private static string Describe(SignInEvent s) =>
        $"{ToolFinding.T(s.Timestamp)} {s.User} {s.SourceIp} {s.Country}/{s.City} {s.App} {(s.Success ? "success" : "failure")}";
}
