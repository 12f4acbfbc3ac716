namespace AgenticIR.Splunk.Emission;

/// <summary>The ids of the events emitted most recently, so the same fact is not written twice by one process (a
/// JSON-lines file has no outbox to refuse it). Bounded: the oldest ids are forgotten first, which at worst lets a
/// duplicate through, and <c>dedup event_id</c> removes that in search.</summary>
public sealed class RecentEventIds(int capacity = 50_000)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True, and remembered, when the id was not emitted recently.</summary>
    public bool TryAdd(string eventId)
    {
        lock (_gate)
        {
            if (!_ids.Add(eventId)) return false;
            _order.Enqueue(eventId);
            if (_order.Count > capacity) _ids.Remove(_order.Dequeue());
            return true;
        }
    }

    /// <summary>Forgets an id whose emission failed, so the next attempt is not suppressed.</summary>
    public void Forget(string eventId)
    {
        lock (_gate) _ids.Remove(eventId);
    }
}
