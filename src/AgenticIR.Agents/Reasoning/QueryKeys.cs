using AgenticIR.Agents.Context;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Reasoning;

/// <summary>One investigation loop's memo of what its candidate scoring asks for at every step: the query key of each
/// (tool, observable) offer, the keys of the mailbox sweeps of an observable's parent domains, whether a triage hint names a
/// value, and each observable's opening offers. Each depends only on the tool, the observable, and what is fixed for the
/// loop (hints, tools, the alert's family and own observables), and the loop offers the same pairs again at every step, so
/// each is computed once per loop instead of once per offer.</summary>
internal sealed class QueryKeys(IReadOnlyList<string> hints)
{
    private readonly IReadOnlyList<string> _hints = hints;
    private readonly Dictionary<(string Tool, ObservableType Type, string Value), string> _keys = [];
    private readonly Dictionary<(ObservableType Type, string Value), string[]> _sweptParents = [];
    private readonly Dictionary<string, bool> _hinted = new(StringComparer.Ordinal);
    // By instance: two observables equal by type and value may differ in origin, which changes their offers' priority.
    private readonly Dictionary<Observable, OpeningOffer[]> _openings = new(ReferenceEqualityComparer.Instance);

    /// <summary>The opening offers of <paramref name="o"/> when this loop priced them already.</summary>
    public bool TryGetOpenings(Observable o, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OpeningOffer[]? offers) =>
        _openings.TryGetValue(o, out offers);

    /// <summary>Keeps the opening offers of <paramref name="o"/> for the rest of the loop.</summary>
    public void SetOpenings(Observable o, OpeningOffer[] offers) => _openings[o] = offers;

    /// <summary><see cref="PivotRules.QueryKey"/> of the pair.</summary>
    public string For(string tool, Observable o)
    {
        var id = (tool, o.Type, o.Value);
        if (!_keys.TryGetValue(id, out var key)) _keys[id] = key = PivotRules.QueryKey(tool, o);
        return key;
    }

    /// <summary>The query keys of mailbox sweeps of the strict parent domains of a URL's host or a domain (none for other
    /// types): a sweep of evil.com already covered links on login.evil.com.</summary>
    public string[] SweptParents(Observable o)
    {
        var id = (o.Type, o.Value);
        if (_sweptParents.TryGetValue(id, out var keys)) return keys;
        var host = o.Type switch
        {
            ObservableType.Url => ContextKeys.UrlHost(o.Value),
            ObservableType.Domain => o.Value,
            _ => null,
        };
        keys = host is null ? [] : [.. ContextKeys.DomainAndParents(host).Skip(1).Select(d => $"{ToolNames.MailboxSearch}|domain:{d}")];
        _sweptParents[id] = keys;
        return keys;
    }

    /// <summary>Whether a triage hint names the value (case-insensitively).</summary>
    public bool Hinted(Observable o)
    {
        if (!_hinted.TryGetValue(o.Value, out var named))
            _hinted[o.Value] = named = _hints.Any(h => h.Contains(o.Value, StringComparison.OrdinalIgnoreCase));
        return named;
    }
}
