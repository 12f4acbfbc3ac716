using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;

namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>What a playbook ran → logical action, from the connectors' bindings for one SOAR: (app, app action,
/// parameters) on Splunk SOAR, (brand, command, arguments) on XSOAR. Names compare case-insensitively, as the SOARs
/// match them. Several connectors may bind one operation (CrowdStrike <c>upload indicator</c> watches with
/// <c>action: detect</c> and blocks with <c>action: prevent</c>; PAN-OS <c>pan-os-edit-custom-url-category</c> blocks
/// with <c>action: add</c> and unblocks with <c>action: remove</c>): the binding whose literal parameters the record's
/// match best wins, then the connector whose name shares most words with the operation (<c>reset password</c> is
/// <c>reset_password</c> rather than <c>revoke_sessions</c>), then the least drastic kind (containment before
/// eradication and recovery: <c>quarantine device</c> is <c>isolate_endpoint</c>, not <c>wipe_endpoint</c>), then the
/// first by name. Without an app/brand on the record, an operation that only one app's bindings use.</summary>
internal sealed class ConnectorBindingMap
{
    private readonly IActionCatalog _catalog;
    private readonly Func<ActionDefinition, OperationBinding?> _bindingOf;
    private readonly char _wordSeparator;
    private readonly ILookup<(string Integration, string Operation), ActionDefinition> _byOperation;

    private ConnectorBindingMap(IActionCatalog catalog, Func<ActionDefinition, OperationBinding?> bindingOf, char wordSeparator)
    {
        _catalog = catalog;
        _bindingOf = bindingOf;
        _wordSeparator = wordSeparator;
        _byOperation = catalog.All
            .Where(a => bindingOf(a) is not null)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToLookup(a => (bindingOf(a)!.Integration.ToLowerInvariant(), bindingOf(a)!.Operation.ToLowerInvariant()));
    }

    /// <summary>Splunk SOAR: app, app action (words split by spaces), parameters.</summary>
    public static ConnectorBindingMap SplunkSoar(IActionCatalog catalog) =>
        new(catalog, a => a.SplunkSoar is { } b ? new OperationBinding(b.App, b.Action, b.Parameters) : null, ' ');

    /// <summary>Cortex XSOAR: integration brand, command (words split by hyphens), arguments.</summary>
    public static ConnectorBindingMap Xsoar(IActionCatalog catalog) =>
        new(catalog, a => a.Xsoar is { } b ? new OperationBinding(b.Integration, b.Command, b.Arguments) : null, '-');

    /// <summary>The logical action the record ran, or null when no binding names it.</summary>
    /// <param name="integration">The app or brand on the record; "" when it does not say.</param>
    /// <param name="operation">The app action or command.</param>
    /// <param name="given">The parameters or arguments it ran with.</param>
    public string? Find(string integration, string operation, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(integration);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(given);
        var key = operation.ToLowerInvariant();
        IEnumerable<ActionDefinition> candidates;
        if (integration.Length > 0)
        {
            candidates = _byOperation[(integration.ToLowerInvariant(), key)];
        }
        else
        {
            var groups = _byOperation.Where(g => g.Key.Operation == key).ToList();
            if (groups.Count != 1) return null;
            candidates = groups[0];
        }
        return candidates
            .Select((definition, order) => (definition, order, score: Score(_bindingOf(definition)!.Literals, given)))
            .OrderByDescending(c => c.score.Matched).ThenBy(c => c.score.Mismatched)
            .ThenByDescending(c => WordOverlap(c.definition.Name, key)).ThenBy(c => KindOrder(c.definition.Kind)).ThenBy(c => c.order)
            .Select(c => c.definition.Name)
            .FirstOrDefault();
    }

    public ActionKind? KindOf(string logical) => _catalog.Find(logical)?.Kind;

    private double WordOverlap(string logical, string operation)
    {
        var a = logical.Split('_', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var b = operation.Split(_wordSeparator, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
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

    // Literal values only: a ${...} value is the target and says nothing about which connector ran.
    private static (int Matched, int Mismatched) Score(IReadOnlyDictionary<string, string> literals, IReadOnlyDictionary<string, string> given)
    {
        int matched = 0, mismatched = 0;
        foreach (var (name, value) in literals)
        {
            if (value.Contains("${", StringComparison.Ordinal) || !given.TryGetValue(name, out var ran) || ran.Contains("${", StringComparison.Ordinal)) continue;
            if (string.Equals(ran, value, StringComparison.OrdinalIgnoreCase)) matched++;
            else mismatched++;
        }
        return (matched, mismatched);
    }

    /// <summary>One connector's binding as the map compares it.</summary>
    private sealed record OperationBinding(string Integration, string Operation, IReadOnlyDictionary<string, string> Literals);
}
