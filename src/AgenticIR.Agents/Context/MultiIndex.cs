namespace AgenticIR.Agents.Context;

/// <summary>A case-insensitive key → rows index built once at load; lookups are O(1).</summary>
internal sealed class MultiIndex<T>
{
    private readonly Dictionary<string, List<T>> _rows = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string? key, T row)
    {
        if (string.IsNullOrWhiteSpace(key)) return;
        var k = key.Trim();
        if (!_rows.TryGetValue(k, out var list)) _rows[k] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], row)) list.Add(row);
    }

    public IReadOnlyList<T> Get(string? key) =>
        key is not null && _rows.TryGetValue(key.Trim(), out var list) ? list : [];
}
