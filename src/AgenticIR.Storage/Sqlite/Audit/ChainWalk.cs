using AgenticIR.Core.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

/// <summary>The state of one verification pass: which sequence and previous hash come next, and the last good record.
/// Checks run in the order that names the right row: sequence first (a gap is a deletion), then the link (an inserted or
/// reordered row links to the wrong predecessor), then the row's own hash (an edited field).</summary>
internal sealed class ChainWalk
{
    private readonly AuditAnchor? _anchor;
    private string _expectedPrevious;

    public ChainWalk(AuditAnchor? anchor)
    {
        _anchor = anchor;
        ExpectedSequence = anchor is null ? 1 : anchor.PrunedThroughSequence + 1;
        _expectedPrevious = anchor?.LastPrunedHash ?? AuditCanonicalEncoding.GenesisHash;
    }

    public long ExpectedSequence { get; private set; }

    public long Verified { get; private set; }

    public AuditVerification? Check(SqliteDataReader row, long sequence, Dictionary<long, AuditAnchor> expectedAnchors)
    {
        if (sequence < ExpectedSequence)
            return Fail(sequence, $"record {sequence} lies inside the range pruned through record {_anchor?.PrunedThroughSequence}: it was inserted after the pruning");
        if (sequence > ExpectedSequence)
        {
            var gap = sequence - 1 == ExpectedSequence
                ? $"record {ExpectedSequence} is missing"
                : $"records {ExpectedSequence} to {sequence - 1} are missing";
            var after = Verified == 0 && _anchor is not null ? $"the pruning anchor (through {_anchor.PrunedThroughSequence})" : $"record {ExpectedSequence - 1}";
            return Fail(ExpectedSequence, $"{gap}: the chain jumps from {after} to record {sequence}");
        }

        var previousHash = row.GetString(12);
        if (previousHash != _expectedPrevious)
        {
            var predecessor = Verified == 0 && _anchor is not null ? "the pruning anchor's last_pruned_hash" : $"the hash of record {sequence - 1}";
            return Fail(sequence, $"record {sequence} is out of place: its previous_hash does not match {predecessor} (a record was inserted, removed or reordered here)");
        }

        var record = AuditRow.TryRead(row, out var unreadable);
        if (record is null) return Fail(sequence, $"record {sequence} was edited: {unreadable}");
        if (AuditCanonicalEncoding.ComputeHash(record) != record.Hash)
            return Fail(sequence, $"record {sequence} was edited: its stored fields do not hash to its stored hash");

        if (expectedAnchors.Remove(sequence, out var anchor))
        {
            if (record.Entry.ActionType != AuditActionTypes.AuditPruned
                || !record.Entry.Details.TryGetValue("anchor_hash", out var recorded) || recorded != anchor.AnchorHash)
                return Fail(sequence, $"record {sequence} does not match the pruning anchor through record {anchor.PrunedThroughSequence}: the anchor was edited");
        }
        else if (record.Entry.ActionType == AuditActionTypes.AuditPruned)
        {
            return Fail(sequence, $"record {sequence} records a pruning whose anchor is missing from audit_anchors");
        }

        _expectedPrevious = record.Hash;
        ExpectedSequence = sequence + 1;
        Verified++;
        return null;
    }

    public AuditVerification Fail(long sequence, string problem) =>
        new(false, Verified, sequence, problem, ExpectedSequence - 1, _expectedPrevious, _anchor);

    public AuditVerification Intact() =>
        new(true, Verified, null, null, ExpectedSequence - 1, _expectedPrevious, _anchor);
}
