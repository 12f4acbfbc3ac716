using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>The state of one verification pass: which sequence and previous hash come next, and every break found. Checks
/// run in the order that names the right row: sequence first (a gap is a deletion), then the link (an inserted or reordered
/// row links to the wrong predecessor), then the row's own hash (an edited field); a row gets at most one break. After a
/// break the walk carries on from what is stored (the next row is expected to link to this row's stored hash), so one
/// broken record is reported once and later tampering is still found.</summary>
internal sealed class ChainWalk
{
    private readonly AuditAnchor? _anchor;
    private readonly AuditCheckpoint? _checkpoint;
    private bool? _checkpointMatched;
    private readonly List<AuditBreak> _breaks = [];
    // Null right after a gap: the predecessor is gone, so the next row's link cannot be checked.
    private string? _expectedPrevious;
    private long _breakCount;

    public ChainWalk(AuditAnchor? anchor, AuditCheckpoint? checkpoint = null)
    {
        _anchor = anchor;
        _checkpoint = checkpoint;
        ExpectedSequence = anchor is null ? 1 : anchor.PrunedThroughSequence + 1;
        _expectedPrevious = anchor?.LastPrunedHash ?? AuditCanonicalEncoding.GenesisHash;
        LastSequence = ExpectedSequence - 1;
        LastHash = _expectedPrevious;
    }

    public long ExpectedSequence { get; private set; }

    public long Read { get; private set; }

    public long Verified { get; private set; }

    public long BreakCount => _breakCount;

    /// <summary>Sequence of the last row read (the anchor's or 0 before any).</summary>
    public long LastSequence { get; private set; }

    /// <summary>Stored hash of the last row read (the anchor's or the genesis hash before any).</summary>
    public string LastHash { get; private set; }

    public void Check(StoredAuditRow row, Dictionary<long, AuditAnchor> expectedAnchors)
    {
        var sequence = row.Sequence;
        Read++;
        if (sequence < ExpectedSequence)
        {
            // Only rows inside a pruned range come before the expected sequence (the walk reads in sequence order).
            Break(sequence, $"record {sequence} lies inside the range pruned through record {_anchor?.PrunedThroughSequence}: it was inserted after the pruning");
            return;
        }
        if (sequence > ExpectedSequence)
        {
            var gap = sequence - 1 == ExpectedSequence
                ? $"record {ExpectedSequence} is missing"
                : $"records {ExpectedSequence} to {sequence - 1} are missing";
            var after = Read == 1 && _anchor is not null ? $"the pruning anchor (through {_anchor.PrunedThroughSequence})" : $"record {ExpectedSequence - 1}";
            Break(ExpectedSequence, $"{gap}: the chain jumps from {after} to record {sequence}");
            _expectedPrevious = null;
        }

        var problem = Problem(row, sequence, expectedAnchors);
        if (problem is null) Verified++;
        else Break(sequence, problem);

        _expectedPrevious = LastHash = row.Hash;
        ExpectedSequence = sequence + 1;
        LastSequence = sequence;
        if (_checkpoint is not null && sequence == _checkpoint.Sequence) CompareCheckpoint(LastHash, $"record {sequence}");
    }

    /// <summary>After the last row: a checkpoint the walk did not meet was cut off, deleted, or pruned since.</summary>
    public void FinishCheckpoint()
    {
        if (_checkpoint is null || _checkpointMatched is not null) return;
        var sequence = _checkpoint.Sequence;
        if (_anchor is not null && sequence == _anchor.PrunedThroughSequence)
            CompareCheckpoint(_anchor.LastPrunedHash, $"the last record pruned (record {sequence})");
        else if (sequence > LastSequence)
            Miss(sequence, $"the chain no longer reaches record {sequence} of the checkpoint: it ends at record {LastSequence}, so its end was cut off or rewritten");
        else if (_anchor is null || sequence > _anchor.PrunedThroughSequence)
            Miss(sequence, $"record {sequence} of the checkpoint is missing from the chain");
        // Otherwise a pruning has removed it since: it cannot be compared, which is not a break.
    }

    private void Miss(long sequence, string problem)
    {
        _checkpointMatched = false;
        Break(sequence, problem);
    }

    private void CompareCheckpoint(string storedHash, string what)
    {
        _checkpointMatched = storedHash == _checkpoint!.Hash;
        if (_checkpointMatched == false)
            Break(_checkpoint.Sequence, $"{what} does not have the checkpoint's hash {_checkpoint.Hash} (stored {storedHash}): the chain was rewritten from there on");
    }

    private string? Problem(StoredAuditRow row, long sequence, Dictionary<long, AuditAnchor> expectedAnchors)
    {
        // Whatever else is wrong with the row, it is the one an anchor expects here, so it is not reported missing later.
        expectedAnchors.Remove(sequence, out var anchor);

        if (_expectedPrevious is not null && row.PreviousHash != _expectedPrevious)
        {
            var predecessor = Read == 1 && _anchor is not null ? "the pruning anchor's last_pruned_hash" : $"the hash of record {sequence - 1}";
            return $"record {sequence} is out of place: its previous_hash does not match {predecessor} (a record was inserted, removed or reordered here)";
        }

        var record = row.TryRead(out var unreadable);
        if (record is null) return $"record {sequence} was edited: {unreadable}";
        if (AuditCanonicalEncoding.ComputeHash(record) != record.Hash)
            return $"record {sequence} was edited: its stored fields do not hash to its stored hash";

        if (anchor is not null)
        {
            if (record.Entry.ActionType != AuditActionTypes.AuditPruned
                || !record.Entry.Details.TryGetValue("anchor_hash", out var recorded) || recorded != anchor.AnchorHash)
                return $"record {sequence} does not match the pruning anchor through record {anchor.PrunedThroughSequence}: the anchor was edited";
        }
        else if (record.Entry.ActionType == AuditActionTypes.AuditPruned)
        {
            return $"record {sequence} records a pruning whose anchor is missing from audit_anchors";
        }
        return null;
    }

    public void Break(long? sequence, string problem)
    {
        _breakCount++;
        if (_breaks.Count < AuditVerification.MaxListedBreaks) _breaks.Add(new AuditBreak(sequence, problem));
    }

    public AuditVerification Result(AuditHead? anchoredHead) => new()
    {
        RecordsRead = Read,
        RecordsVerified = Verified,
        Breaks = [.. _breaks],
        BreakCount = _breakCount,
        HeadSequence = LastSequence,
        HeadHash = LastHash,
        Anchor = _anchor,
        AnchoredHead = anchoredHead,
        CheckpointMatched = _checkpointMatched,
    };
}
