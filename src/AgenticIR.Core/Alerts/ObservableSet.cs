namespace AgenticIR.Core.Alerts;

/// <summary>Observables in first-seen order, de-duplicated by type and value, where a value that is a structured entity
/// anywhere is an entity: seen first in free text and later in an entity field, it is upgraded in place.</summary>
public sealed class ObservableSet
{
    private readonly List<Observable> _items = [];
    private readonly Dictionary<Observable, int> _index = [];

    /// <summary>The observables, in the order first seen.</summary>
    public IReadOnlyList<Observable> Items => _items;

    /// <summary>How many distinct observables the set holds.</summary>
    public int Count => _items.Count;

    /// <summary>True when an observable of the same type and value is held.</summary>
    public bool Contains(Observable observable) => _index.ContainsKey(observable);

    /// <summary>The held instance of the same type and value, with its origin, or null.</summary>
    public Observable? Find(Observable observable) => _index.TryGetValue(observable, out var at) ? _items[at] : null;

    /// <summary>Adds the observable, or makes the held one an entity when this one is; true when it was new.</summary>
    public bool Add(Observable observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        if (_index.TryGetValue(observable, out var at))
        {
            if (_items[at].FromFreeText && !observable.FromFreeText) _items[at] = _items[at] with { Origin = ObservableOrigin.Entity };
            return false;
        }
        _index[observable] = _items.Count;
        _items.Add(observable);
        return true;
    }
}
