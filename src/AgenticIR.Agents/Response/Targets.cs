using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Response;

/// <summary>The target selectors the rules table uses. Each reads only the finding and the investigation's observables.</summary>
internal static class Targets
{
    private static readonly ObservableType[] Ips = [ObservableType.Ipv4, ObservableType.Ipv6];
    private static readonly ObservableType[] HashTypes = [ObservableType.Sha256, ObservableType.Sha1, ObservableType.Md5];
    private static readonly ObservableType[] AccountTypes = [ObservableType.User, ObservableType.Email];

    /// <summary>The finding's subject and discoveries of the given types.</summary>
    public static TargetSelector Of(params ObservableType[] types) => (f, _) => About(f, types);

    /// <summary>Addresses the finding is about (the guard refuses internal ones for blocking).</summary>
    public static TargetSelector AddressesOfFinding { get; } = (f, _) => About(f, Ips);

    /// <summary>The source address of a spray: the finding's own address, else the alerts' source-role addresses.</summary>
    public static TargetSelector SourceAddresses { get; } = (f, c) => Fallback(About(f, Ips),
        () => c.AlertObservables.Where(o => Ips.Contains(o.Type) && ObservableRoles.IsSource(o)));

    /// <summary>Internal hosts involved: the finding's hosts, else the alerts' hosts. Never an address passed as a host
    /// name: endpoint actions address the device by its EDR identity or host name.</summary>
    public static TargetSelector InternalHosts { get; } = (f, c) => Fallback(About(f, ObservableType.Host),
        () => c.AlertObservables.Where(o => o.Type == ObservableType.Host));

    /// <summary>Every host of a lateral-movement finding (source and destination) plus the alerts' hosts.</summary>
    public static TargetSelector SourceAndDestinationHosts { get; } = (f, c) =>
        About(f, ObservableType.Host).Concat(c.AlertObservables.Where(o => o.Type == ObservableType.Host));

    /// <summary>File hashes: the finding's, else the alerts'.</summary>
    public static TargetSelector Hashes { get; } = (f, c) => Fallback(About(f, HashTypes),
        () => c.AlertObservables.Where(o => HashTypes.Contains(o.Type)));

    /// <summary>Accounts: the finding's users or mailboxes, else the alerts' users.</summary>
    public static TargetSelector Accounts { get; } = (f, c) => Fallback(About(f, AccountTypes).Where(o => !ObservableRoles.IsSender(o)),
        () => c.AlertObservables.Where(o => o.Type == ObservableType.User));

    /// <summary>Mailboxes that received the lure: discovered recipients plus the alerts' recipient addresses.</summary>
    public static TargetSelector Recipients { get; } = (f, c) => About(f, ObservableType.Email)
        .Concat(c.AlertObservables.Where(o => o.Type == ObservableType.Email && ObservableRoles.IsRecipient(o)))
        .Where(o => !ObservableRoles.IsSender(o));

    /// <summary>The domain of each sender address (blocked only when that domain is itself an observable).</summary>
    public static TargetSelector SenderDomains { get; } = (f, c) => About(f, ObservableType.Email)
        .Concat(c.AlertObservables.Where(o => o.Type == ObservableType.Email && ObservableRoles.IsSender(o)))
        .Where(o => o.Value.Contains('@', StringComparison.Ordinal) && (ObservableRoles.IsSender(o) || f.Kind == FindingKinds.MaliciousSender))
        .Select(o => new Observable(ObservableType.Domain, o.Value[(o.Value.LastIndexOf('@') + 1)..], "sender_domain"));

    private static IEnumerable<Observable> About(Finding finding, params ObservableType[] types)
    {
        if (finding.Subject is { } subject && types.Contains(subject.Type)) yield return subject;
        foreach (var o in finding.Discovered.Where(o => types.Contains(o.Type))) yield return o;
    }

    private static IEnumerable<Observable> Fallback(IEnumerable<Observable> first, Func<IEnumerable<Observable>> otherwise)
    {
        var list = first.ToList();
        return list.Count > 0 ? list : otherwise();
    }
}
