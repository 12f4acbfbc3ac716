using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;

namespace AgenticIR.Soar.SplunkSoar.PlaybookAudit;

/// <summary>(app, app action, parameters) → logical action, from the connectors' <c>splunk_soar</c> bindings; app and
/// action names compare case-insensitively, as SOAR matches them. Several connectors may bind one app action (CrowdStrike
/// <c>upload indicator</c> watches with <c>action: detect</c> and blocks with <c>action: prevent</c>): the binding whose
/// literal parameters the run's parameters match best wins, then the connector whose name shares most words with the app
/// action (<c>reset password</c> is <c>reset_password</c> rather than <c>revoke_sessions</c>), then the least drastic
/// kind (containment before eradication and recovery: <c>quarantine device</c> is <c>isolate_endpoint</c>, not
/// <c>wipe_endpoint</c>), then the first by name. Without an app on the record, an action name that only one app's
/// bindings use.</summary>
internal sealed class SplunkSoarBindingMap(IActionCatalog catalog)
{
    private readonly ILookup<(string App, string Action), ActionDefinition> _byAppAction = catalog.All
        .Where(a => a.SplunkSoar is not null)
        .OrderBy(a => a.Name, StringComparer.Ordinal)
        .ToLookup(a => (a.SplunkSoar!.App.ToLowerInvariant(), a.SplunkSoar.Action.ToLowerInvariant()));

    public string? Find(string app, string action, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(parameters);
        var key = action.ToLowerInvariant();
        IEnumerable<ActionDefinition> candidates;
        if (app.Length > 0)
        {
            candidates = _byAppAction[(app.ToLowerInvariant(), key)];
        }
        else
        {
            var groups = _byAppAction.Where(g => g.Key.Action == key).ToList();
            if (groups.Count != 1) return null;
            candidates = groups[0];
        }
        return candidates
            .Select((definition, order) => (definition, order, score: Score(definition.SplunkSoar!, parameters)))
            .OrderByDescending(c => c.score.Matched).ThenBy(c => c.score.Mismatched)
            .ThenByDescending(c => WordOverlap(c.definition.Name, key)).ThenBy(c => KindOrder(c.definition.Kind)).ThenBy(c => c.order)
            .Select(c => c.definition.Name)
            .FirstOrDefault();
    }

    public ActionKind? KindOf(string logical) => catalog.Find(logical)?.Kind;

    private static double WordOverlap(string logical, string appAction)
    {
        var a = logical.Split('_', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var b = appAction.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return (double)a.Intersect(b).Count() / a.Union(b).Count();
    }

    private static int KindOrder(ActionKind kind) => kind switch
    {
        ActionKind.Enrichment => 0,
        ActionKind.Containment => 1,
        ActionKind.Eradication => 3,
        ActionKind.Recovery => 4,
        _ => 2,
    };

    // Literal parameters only: a ${...} value is the target and says nothing about which connector ran.
    private static (int Matched, int Mismatched) Score(SplunkSoarBinding binding, IReadOnlyDictionary<string, string> parameters)
    {
        int matched = 0, mismatched = 0;
        foreach (var (name, value) in binding.Parameters)
        {
            if (value.Contains("${", StringComparison.Ordinal) || !parameters.TryGetValue(name, out var given)) continue;
            if (string.Equals(given, value, StringComparison.OrdinalIgnoreCase)) matched++;
            else mismatched++;
        }
        return (matched, mismatched);
    }
}
