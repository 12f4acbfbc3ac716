using System.Collections.Frozen;

namespace AgenticIR.Definitions.Mapping.Attack;

/// <summary>
/// One validated <c>mappings/attack/&lt;name&gt;.yaml</c>: a vendor's documented finding or event types and the ATT&amp;CK
/// techniques each one means. Exact types win; a value no exact row matches takes every prefix row it starts with.
/// </summary>
internal sealed class AttackTable
{
    private readonly FrozenDictionary<string, AttackTableEntry[]> _exact;
    private readonly AttackTableEntry[] _prefixes;

    public AttackTable(string name, string file, IReadOnlyList<string> sources, IReadOnlyList<AttackTableEntry> entries)
    {
        Name = name;
        File = file;
        Sources = sources;
        Entries = entries;
        _exact = entries.Where(e => !e.IsPrefix).GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _prefixes = [.. entries.Where(e => e.IsPrefix)];
    }

    public string Name { get; }

    public string File { get; }

    /// <summary>The vendor documentation the rows come from.</summary>
    public IReadOnlyList<string> Sources { get; }

    public IReadOnlyList<AttackTableEntry> Entries { get; }

    /// <summary>The techniques <paramref name="value"/> stands for, given the alert's <paramref name="outcomes"/>; none when the table does not know it.</summary>
    public IReadOnlyList<string> Lookup(string value, IReadOnlyCollection<string> outcomes)
    {
        var key = AttackTableKey.Canonical(value);
        if (key.Length == 0) return [];
        var canonicalOutcomes = outcomes.Select(AttackTableKey.Canonical).Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);
        var rows = _exact.TryGetValue(key, out var exact) ? exact.Where(e => e.AppliesTo(canonicalOutcomes)).ToList() : [];
        if (rows.Count == 0)
            rows = [.. _prefixes.Where(e => key.StartsWith(e.Key, StringComparison.Ordinal) && e.AppliesTo(canonicalOutcomes))];
        return [.. rows.SelectMany(e => e.Techniques).Distinct(StringComparer.Ordinal)];
    }
}
