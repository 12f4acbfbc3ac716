using System.Collections.Concurrent;
using AgenticIR.Core.State;

namespace AgenticIR.Splunk.Emission;

/// <summary>The state this process last announced for each active investigation, with the stage events its saves wrote,
/// so the metrics emitter need not read back (and deserialize) a record the orchestrator has just saved. Only a save that
/// carries bus messages keeps its record (what the emitter is about to be told of); other saves (checkpoints, merges) keep
/// just their stage event, so memory stays small however many investigations are touched. The store writes
/// one stage event per save: version 1 at <see cref="InvestigationRecord.CreatedAt"/> on create, then the saved version
/// at <see cref="InvestigationRecord.UpdatedAt"/>; a history this process did not see from version 1 is marked incomplete
/// and the emitter reads the stage events from the store. Bounded: a full cache starts over, which costs reads, never
/// correctness.</summary>
public sealed class SavedStateCache(int capacity = 4_096)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Records a created investigation.</summary>
    public void Created(InvestigationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Bound();
        _entries[record.Id] = new Entry(null, [new StageEvent(record.Id, record.Version, record.Stage, record.CreatedAt)]);
    }

    /// <summary>Records a saved state (the record the store returned); <paramref name="announced"/> when the save carried bus
    /// messages, so the record is kept for the emitter.</summary>
    public void Saved(InvestigationRecord record, bool announced)
    {
        ArgumentNullException.ThrowIfNull(record);
        Bound();
        var kept = announced ? record : null;
        var stage = new StageEvent(record.Id, record.Version, record.Stage, record.UpdatedAt);
        _entries.AddOrUpdate(record.Id,
            _ => new Entry(kept, null),
            (_, previous) => previous.Stages is { } stages && stages[^1].Version == record.Version - 1
                ? new Entry(kept, [.. stages, stage])
                : new Entry(kept, null));
    }

    /// <summary>The last saved state, when it was announced and nothing was saved after it, and, when this process saw
    /// its whole history, its stage events.</summary>
    public bool TryGet(string investigationId, out InvestigationRecord record, out IReadOnlyList<StageEvent>? stages)
    {
        if (_entries.TryGetValue(investigationId, out var entry) && entry.Record is not null)
        {
            record = entry.Record;
            stages = entry.Stages;
            return true;
        }
        record = null!;
        stages = null;
        return false;
    }

    /// <summary>Drops an investigation that reached rest (documented): nothing more will be announced for it soon.</summary>
    public void Forget(string investigationId) => _entries.TryRemove(investigationId, out _);

    private void Bound()
    {
        if (_entries.Count >= capacity) _entries.Clear();
    }

    private sealed record Entry(InvestigationRecord? Record, IReadOnlyList<StageEvent>? Stages);
}
