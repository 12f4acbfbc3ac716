using System.Collections.Frozen;

namespace AgenticIR.Definitions.Mapping.Attack;

/// <summary>The ATT&amp;CK tables a mapping's <c>techniques:</c> entries may name, by table name.</summary>
internal sealed class AttackTableSet(IEnumerable<AttackTable> tables)
{
    private readonly FrozenDictionary<string, AttackTable> _tables = tables.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>No tables: every <c>table:</c> reference is an error.</summary>
    public static AttackTableSet Empty { get; } = new([]);

    /// <summary>Table names in order, for error messages.</summary>
    public IReadOnlyList<string> Names => [.. _tables.Keys.Order(StringComparer.Ordinal)];

    public AttackTable? Find(string name) => _tables.GetValueOrDefault(name);
}
