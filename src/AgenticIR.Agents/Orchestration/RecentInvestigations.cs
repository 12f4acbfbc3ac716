using System.Collections.Concurrent;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>The last saved state of recently active investigations by fingerprint, so a burst of duplicates does not
/// read the store for each one. A stale entry costs a failed version check on the merge's save, never correctness:
/// intake then forgets it and asks the store.</summary>
internal sealed class RecentInvestigations
{
    private const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, InvestigationRecord> _byFingerprint = new(StringComparer.Ordinal);

    public InvestigationRecord Remember(InvestigationRecord record)
    {
        // Bounded: a full cache starts over, which costs one store read per fingerprint.
        if (_byFingerprint.Count >= Capacity) _byFingerprint.Clear();
        _byFingerprint[record.Fingerprint] = record;
        return record;
    }

    public InvestigationRecord? Find(string fingerprint, DateTimeOffset createdSince) =>
        _byFingerprint.TryGetValue(fingerprint, out var cached) && cached.CreatedAt >= createdSince ? cached : null;

    public void Forget(string fingerprint) => _byFingerprint.TryRemove(fingerprint, out _);
}
