using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Tests.Hostile;

/// <summary>The response targets an investigation may legally act on: the structured entities of its alerts, read as the
/// same entity however a product writes it (a host's short name or FQDN, an account with or without its domain), plus
/// the domain of a structured e-mail address and the host of a structured URL.</summary>
internal sealed class LegalTargets
{
    private readonly HashSet<string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _hostLabels = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public LegalTargets(IEnumerable<string> structured)
    {
        foreach (var raw in structured)
        {
            var value = raw.Trim();
            _values.Add(value);
            if (TargetRules.TryParseIp(value, out var ip)) { _values.Add(ip.ToString()); continue; }
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && value.Contains("://", StringComparison.Ordinal))
            {
                AddDomain(uri.Host);
                continue;
            }
            if (value.Contains('@', StringComparison.Ordinal))
            {
                AddDomain(value[(value.LastIndexOf('@') + 1)..]);
                _accounts.Add(Account(value));
                continue;
            }
            if (value.Contains('\\', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal))
            {
                _accounts.Add(Account(value));
                continue;
            }
            if (!value.Contains('/', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal))
            {
                _hostLabels.Add(FirstLabel(value));
                _accounts.Add(value);
                if (value.Contains('.', StringComparison.Ordinal)) AddDomain(value);
            }
        }
    }

    /// <summary>Number of structured values behind the set.</summary>
    public int Count => _values.Count;

    /// <summary>True when the target is one of the structured entities (or what they imply).</summary>
    public bool Allows(Observable target)
    {
        var value = target.Value.Trim();
        if (_values.Contains(value)) return true;
        return target.Type switch
        {
            ObservableType.Ipv4 or ObservableType.Ipv6 => TargetRules.TryParseIp(value, out var ip) && _values.Contains(ip.ToString()),
            ObservableType.Domain => _domains.Contains(value.TrimEnd('.')),
            ObservableType.Host => TargetRules.TryParseIp(value, out var hostIp) ? _values.Contains(hostIp.ToString()) : _hostLabels.Contains(FirstLabel(value)),
            ObservableType.User => _accounts.Contains(Account(value)),
            // An address of our own mail domain is the same identity as the structured account it names.
            ObservableType.Email => value.EndsWith("@" + TargetRules.OwnDomain, StringComparison.OrdinalIgnoreCase) && _accounts.Contains(Account(value)),
            _ => false,
        };
    }

    // A domain and its parents down to two labels: blocking the registrable domain of a structured query, sender or URL
    // host acts on the same infrastructure.
    private void AddDomain(string domain)
    {
        var labels = domain.TrimEnd('.').Split('.');
        for (var i = 0; i <= labels.Length - 2; i++) _domains.Add(string.Join('.', labels[i..]));
    }

    /// <summary>True when the two sets name at least one common entity.</summary>
    public bool Shares(LegalTargets other) =>
        _values.Overlaps(other._values) || _hostLabels.Overlaps(other._hostLabels) || _accounts.Overlaps(other._accounts);

    /// <summary>An account without domain prefix or mail domain (<c>CORP\jdoe</c>, <c>jdoe@corp.com</c> → <c>jdoe</c>).</summary>
    public static string Account(string value)
    {
        var v = value.Trim();
        var slash = v.LastIndexOf('\\');
        if (slash >= 0) v = v[(slash + 1)..];
        var at = v.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? v[..at] : v;
    }

    /// <summary>The first label of a host name (<c>fin-db01.corp.local</c> → <c>fin-db01</c>).</summary>
    public static string FirstLabel(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? host[..dot] : host;
    }
}
