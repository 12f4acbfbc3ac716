using System.Collections.Frozen;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;

namespace AgenticIR.Governance.Demotion;

/// <summary>The mode caps in force, held in memory so the synchronous catalog can apply them. Refreshed from the store
/// by the worker's loop (another worker's demotion or an operator's lift) and updated at once by a local demotion.</summary>
public sealed class PlaybookModeCaps
{
    private volatile FrozenDictionary<(string Playbook, Severity Severity), PlaybookModeOverride> _caps =
        FrozenDictionary<(string, Severity), PlaybookModeOverride>.Empty;

    /// <summary>Caps in force.</summary>
    public IReadOnlyCollection<PlaybookModeOverride> Current => _caps.Values;

    /// <summary>Reloads every cap in force from the store.</summary>
    public async Task RefreshAsync(IPlaybookModeOverrides store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        Replace(await store.ListActiveAsync(cancellationToken));
    }

    /// <summary>Replaces the caps in force.</summary>
    public void Replace(IEnumerable<PlaybookModeOverride> caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        var map = new Dictionary<(string, Severity), PlaybookModeOverride>();
        foreach (var cap in caps) map[(cap.Playbook, cap.Severity)] = cap;
        _caps = map.ToFrozenDictionary();
    }

    /// <summary>Adds one cap (a demotion just recorded), without waiting for the next refresh.</summary>
    public void Add(PlaybookModeOverride cap)
    {
        ArgumentNullException.ThrowIfNull(cap);
        Replace([.. _caps.Values.Where(c => c.Playbook != cap.Playbook || c.Severity != cap.Severity), cap]);
    }

    /// <summary>The entry with every capped severity lowered to its cap (a cap never raises a mode); the same instance
    /// when nothing applies.</summary>
    public PlaybookEntry Apply(PlaybookEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var caps = _caps;
        if (caps.Count == 0) return entry;
        Dictionary<Severity, PlaybookMode>? bySeverity = null;
        foreach (var severity in Enum.GetValues<Severity>())
        {
            if (!caps.TryGetValue((entry.Name, severity), out var cap)) continue;
            var mode = entry.ToAssignment().For(severity);
            if (mode <= cap.Mode) continue;
            bySeverity ??= new Dictionary<Severity, PlaybookMode>(entry.BySeverity);
            bySeverity[severity] = cap.Mode;
        }
        return bySeverity is null ? entry : entry with { BySeverity = bySeverity };
    }
}
