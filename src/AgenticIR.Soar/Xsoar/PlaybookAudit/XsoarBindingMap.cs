using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;

namespace AgenticIR.Soar.Xsoar.PlaybookAudit;

/// <summary>(brand, command, arguments) → logical action, from the connectors' <c>xsoar</c> bindings; brand and command
/// compare case-insensitively. Several connectors may bind one command (PAN-OS <c>pan-os-edit-custom-url-category</c>
/// blocks with <c>action: add</c> and unblocks with <c>action: remove</c>): the binding whose literal arguments the task's
/// arguments match best wins, then the connector whose name shares most words with the command, then the least drastic
/// kind (containment before eradication and recovery: <c>cs-falcon-contain-host</c> is <c>isolate_endpoint</c>), then the
/// first by name. A task without a brand (<c>|||ip</c>: any integration that has the command) maps when only one
/// integration's bindings use the command.</summary>
internal sealed class XsoarBindingMap(IActionCatalog catalog)
{
    private readonly ILookup<(string Brand, string Command), ActionDefinition> _byCommand = catalog.All
        .Where(a => a.Xsoar is not null)
        .OrderBy(a => a.Name, StringComparer.Ordinal)
        .ToLookup(a => (a.Xsoar!.Integration.ToLowerInvariant(), a.Xsoar.Command.ToLowerInvariant()));

    public string? Find(string brand, string command, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(brand);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        var key = command.ToLowerInvariant();
        IEnumerable<ActionDefinition> candidates;
        if (brand.Length > 0)
        {
            candidates = _byCommand[(brand.ToLowerInvariant(), key)];
        }
        else
        {
            var groups = _byCommand.Where(g => g.Key.Command == key).ToList();
            if (groups.Count != 1) return null;
            candidates = groups[0];
        }
        return candidates
            .Select((definition, order) => (definition, order, score: Score(definition.Xsoar!, arguments)))
            .OrderByDescending(c => c.score.Matched).ThenBy(c => c.score.Mismatched)
            .ThenByDescending(c => WordOverlap(c.definition.Name, key)).ThenBy(c => KindOrder(c.definition.Kind)).ThenBy(c => c.order)
            .Select(c => c.definition.Name)
            .FirstOrDefault();
    }

    public ActionKind? KindOf(string logical) => catalog.Find(logical)?.Kind;

    private static double WordOverlap(string logical, string command)
    {
        var a = logical.Split('_', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var b = command.Split('-', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
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

    // Literal arguments only: a ${...} value is the target and says nothing about which connector ran.
    private static (int Matched, int Mismatched) Score(XsoarBinding binding, IReadOnlyDictionary<string, string> arguments)
    {
        int matched = 0, mismatched = 0;
        foreach (var (name, value) in binding.Arguments)
        {
            if (value.Contains("${", StringComparison.Ordinal) || !arguments.TryGetValue(name, out var given) || given.Contains("${", StringComparison.Ordinal)) continue;
            if (string.Equals(given, value, StringComparison.OrdinalIgnoreCase)) matched++;
            else mismatched++;
        }
        return (matched, mismatched);
    }
}
