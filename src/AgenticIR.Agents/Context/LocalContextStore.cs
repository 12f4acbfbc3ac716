using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;

namespace AgenticIR.Agents.Context;

/// <summary>
/// The embedded context: CSV files indexed into case-insensitive dictionaries at load, so triage and the
/// investigation tools never scan a file on the hot path.
/// </summary>
public sealed partial class LocalContextStore : IContextStore
{
    private readonly Dictionary<string, AssetRecord> _assets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IdentityRecord> _identities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ThreatIndicator> _indicators = new(StringComparer.OrdinalIgnoreCase);
    private readonly MultiIndex<HistoricalAlert> _historyByObservable = new();
    private readonly MultiIndex<HistoricalAlert> _historyByRule = new();
    private readonly MultiIndex<SignInEvent> _signInsByUser = new();
    private readonly MultiIndex<SignInEvent> _signInsByIp = new();
    private readonly MultiIndex<MailMessage> _mailByDomain = new();
    private readonly MultiIndex<MailMessage> _mailBySender = new();
    private readonly MultiIndex<MailMessage> _mailByAttachment = new();
    private readonly MultiIndex<EndpointEvent> _eventsByHost = new();
    private readonly MultiIndex<EndpointEvent> _eventsByHash = new();
    private readonly MultiIndex<EndpointEvent> _eventsByRemoteIp = new();
    private readonly MultiIndex<CloudAuditEvent> _cloudByKey = new();

    private LocalContextStore()
    {
    }

    /// <summary>Number of rows loaded per file, for the start-up log.</summary>
    public IReadOnlyDictionary<string, int> RowCounts => _rowCounts;

    /// <inheritdoc />
    public AssetRecord? FindAsset(string hostOrIp)
    {
        if (string.IsNullOrWhiteSpace(hostOrIp)) return null;
        return _assets.GetValueOrDefault(ContextKeys.Host(hostOrIp))
            ?? _assets.GetValueOrDefault(hostOrIp.Trim())
            ?? _assets.GetValueOrDefault(ContextKeys.ResourceName(hostOrIp));
    }

    /// <inheritdoc />
    public IdentityRecord? FindIdentity(string userOrEmail)
    {
        if (string.IsNullOrWhiteSpace(userOrEmail)) return null;
        return _identities.GetValueOrDefault(userOrEmail.Trim()) ?? _identities.GetValueOrDefault(ContextKeys.User(userOrEmail));
    }

    /// <inheritdoc />
    public ThreatIndicator? FindIndicator(Observable observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        foreach (var key in IndicatorKeys(observable))
        {
            if (_indicators.TryGetValue(key, out var hit)) return hit;
        }
        return null;
    }

    /// <inheritdoc />
    public IReadOnlyList<HistoricalAlert> History(Observable observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        var keys = HistoryKeys(observable).Distinct().ToList();
        if (keys.Count == 1) return _historyByObservable.Get(keys[0]);
        return keys.SelectMany(_historyByObservable.Get).Distinct().OrderBy(h => h.Timestamp).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<HistoricalAlert> HistoryOfRule(string ruleName) => _historyByRule.Get(ruleName);

    /// <inheritdoc />
    public IReadOnlyList<SignInEvent> SignInsOfUser(string user) => _signInsByUser.Get(ContextKeys.User(user));

    /// <inheritdoc />
    public IReadOnlyList<SignInEvent> SignInsFromIp(string ip) => _signInsByIp.Get(ip);

    /// <inheritdoc />
    public IReadOnlyList<MailMessage> MessagesWithDomain(string domain) => _mailByDomain.Get(domain.Trim().TrimEnd('.'));

    /// <inheritdoc />
    public IReadOnlyList<MailMessage> MessagesFromSender(string sender) => _mailBySender.Get(sender);

    /// <inheritdoc />
    public IReadOnlyList<MailMessage> MessagesWithAttachment(string sha256) => _mailByAttachment.Get(sha256);

    /// <inheritdoc />
    public IReadOnlyList<EndpointEvent> EventsOnHost(string host) => _eventsByHost.Get(ContextKeys.Host(host));

    /// <inheritdoc />
    public IReadOnlyList<EndpointEvent> EventsWithHash(string sha256) => _eventsByHash.Get(sha256);

    /// <inheritdoc />
    public IReadOnlyList<EndpointEvent> EventsContacting(string ip) => _eventsByRemoteIp.Get(ip);

    /// <inheritdoc />
    public IReadOnlyList<CloudAuditEvent> CloudEvents(string principalOrResource)
    {
        var direct = _cloudByKey.Get(principalOrResource.Trim());
        if (direct.Count > 0) return direct;
        return _cloudByKey.Get(ContextKeys.ResourceName(principalOrResource));
    }

    // Most specific first: the exact value, then forms an analyst would also accept as the same indicator.
    private static IEnumerable<string> IndicatorKeys(Observable o)
    {
        yield return o.Key;
        switch (o.Type)
        {
            case ObservableType.Url or ObservableType.QrPayload:
                var url = o.Value.Trim();
                yield return "url:" + url.ToLowerInvariant();
                yield return "url:" + ContextKeys.UrlWithoutQuery(url);
                var host = ContextKeys.UrlHost(url);
                if (host is null) yield break;
                if (System.Net.IPAddress.TryParse(host, out var ip))
                {
                    yield return (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6:" : "ipv4:") + host;
                    yield break;
                }
                foreach (var d in ContextKeys.DomainAndParents(host)) yield return "domain:" + d;
                break;
            case ObservableType.Domain:
                foreach (var d in ContextKeys.DomainAndParents(o.Value).Skip(1)) yield return "domain:" + d;
                break;
            case ObservableType.Email:
                if (ContextKeys.EmailDomain(o.Value) is { } mailDomain)
                {
                    foreach (var d in ContextKeys.DomainAndParents(mailDomain)) yield return "domain:" + d;
                }
                break;
        }
    }

    private static IEnumerable<string> HistoryKeys(Observable o)
    {
        switch (o.Type)
        {
            case ObservableType.Host:
                yield return "host:" + ContextKeys.Host(o.Value);
                break;
            case ObservableType.User:
                yield return "user:" + ContextKeys.User(o.Value);
                break;
            case ObservableType.Email:
                yield return o.Key;
                yield return "user:" + ContextKeys.User(o.Value);
                break;
            case ObservableType.Url:
                yield return o.Key;
                if (ContextKeys.UrlHost(o.Value) is { } host) yield return "domain:" + host;
                break;
            default:
                yield return o.Key;
                break;
        }
    }
}
