using System.Globalization;
using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>What every audit log back end decides the same way: which entries a caller may append, the record a pruning
/// writes, and the checks of the pruning anchors and the anchored head that verification adds to the chain walk.</summary>
internal static class AuditChainRules
{
    /// <summary>Agent name on the records pruning writes.</summary>
    public const string AuditTrailAgent = "audit_trail";

    /// <summary>The entry as it will be stored: validated, copied (so a caller that reuses its dictionary cannot change what
    /// is hashed while the entry waits) and in the text the store will hold, so the record handed back equals the one read back.</summary>
    public static AuditEntry Snapshot(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ActionType == AuditActionTypes.AuditPruned)
            throw new ArgumentException($"'{AuditActionTypes.AuditPruned}' records are written only by pruning, with their anchor.", nameof(entry));
        if (entry.ActionType == AuditActionTypes.AuditExport)
            throw new ArgumentException($"'{AuditActionTypes.AuditExport}' names an export's trailer, never a record.", nameof(entry));
        return AuditCanonicalEncoding.Canonical(entry);
    }

    /// <summary>The <see cref="AuditActionTypes.AuditPruned"/> record of a pruning, carrying its anchor.</summary>
    public static AuditEntry PrunedEntry(AuditAnchor anchor, string cutoff)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return new()
        {
            AgentName = AuditTrailAgent,
            ActionType = AuditActionTypes.AuditPruned,
            Target = "audit_records",
            Justification = $"Retention pruning of {anchor.Count} records appended before {cutoff}",
            ApprovalStatus = "approved",
            ApproverIdentity = anchor.SignedOffBy,
            Outcome = "success",
            EvidenceHash = anchor.AnchorHash,
            Details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["anchor_hash"] = anchor.AnchorHash,
                ["pruned_through_sequence"] = anchor.PrunedThroughSequence.ToString(CultureInfo.InvariantCulture),
                ["last_pruned_hash"] = anchor.LastPrunedHash,
                ["count"] = anchor.Count.ToString(CultureInfo.InvariantCulture),
                ["cutoff"] = cutoff,
            },
        };
    }

    /// <summary>Where the next record goes. Normally the anchored head and the stored end agree. When they do not, the store
    /// was changed outside the log, and the new record links to the anchored head so the change stays visible in the chain:
    /// after records were cut from the end the next one leaves a gap where they were, and rows added without the log are
    /// followed by a record that does not link to them. The count carries on from the head's, so a difference stays too.
    /// Only a head row that is missing altogether is re-anchored at the stored end (<paramref name="storedCount"/> is
    /// asked for only then).</summary>
    public static AppendPosition Position(AuditHead? head, (long Sequence, string Hash) storedEnd, Func<long> storedCount)
    {
        ArgumentNullException.ThrowIfNull(storedCount);
        return head is not null
            ? new AppendPosition(Math.Max(head.Sequence, storedEnd.Sequence), head.Hash, head.RecordCount)
            : new AppendPosition(storedEnd.Sequence, storedEnd.Hash, storedCount());
    }

    /// <summary>The chain alone cannot show that its end was cut off or that rows were added without the log; the anchored
    /// head, moved in the same transaction as every append, can.</summary>
    public static void CheckHead(ChainWalk walk, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(walk);
        var last = walk.LastSequence;
        if (head is null)
        {
            if (walk.Read > 0 || last > 0)
                walk.Break(null, "the head anchor (table audit_head) is missing: records removed from the end could not be seen");
            return;
        }
        if (head.Sequence > last)
        {
            var missing = head.Sequence == last + 1 ? $"record {head.Sequence} is missing" : $"records {last + 1} to {head.Sequence} are missing";
            walk.Break(last + 1, $"{missing} from the end: the head anchor says the chain ends at record {head.Sequence} ({head.Hash}), the store at record {last}");
        }
        else if (head.Sequence < last)
        {
            var added = last == head.Sequence + 1 ? $"record {last} was" : $"records {head.Sequence + 1} to {last} were";
            walk.Break(head.Sequence + 1, $"{added} added outside the audit log: the head anchor says the chain ends at record {head.Sequence} ({head.Hash})");
        }
        else if (head.Hash != walk.LastHash)
        {
            walk.Break(last, $"record {last} is not the record the head anchor names: the end of the chain was rewritten (head anchor {head.Hash}, stored {walk.LastHash})");
        }
        else if (head.RecordCount != walk.Read && walk.BreakCount == 0)
        {
            // Anything that changes the count (a missing or added row) is normally reported above already.
            walk.Break(null, $"the store holds {walk.Read} records but the head anchor counts {head.RecordCount}");
        }
    }

    /// <summary>The first problem of the anchors' own chain (each links to the one before and is unchanged), or null.</summary>
    public static (long Sequence, string Problem)? CheckAnchorChain(IReadOnlyList<AuditAnchor> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var previous = AuditCanonicalEncoding.GenesisHash;
        long previousThrough = 0;
        foreach (var anchor in anchors)
        {
            var name = $"the pruning anchor through record {anchor.PrunedThroughSequence} (audit_pruned record {anchor.RecordSequence})";
            if (AuditCanonicalEncoding.ComputeAnchorHash(anchor) != anchor.AnchorHash)
                return (anchor.RecordSequence, $"{name} was edited: its anchor_hash does not match its fields");
            if (anchor.PreviousAnchorHash != previous)
                return (anchor.RecordSequence, $"{name} does not link to the anchor before it: an anchor was removed, inserted or edited");
            if (anchor.PrunedThroughSequence <= previousThrough || anchor.RecordSequence <= anchor.PrunedThroughSequence)
                return (anchor.RecordSequence, $"{name} is out of order");
            previous = anchor.AnchorHash;
            previousThrough = anchor.PrunedThroughSequence;
        }
        return null;
    }

    /// <summary>Each anchor whose audit_pruned record is still stored must be met, unchanged, on the walk up to
    /// <paramref name="through"/>: the anchors to expect, by record sequence.</summary>
    public static Dictionary<long, AuditAnchor> ExpectedAnchors(IReadOnlyList<AuditAnchor> anchors, ChainWalk walk, long through) =>
        anchors.Where(a => a.RecordSequence >= walk.ExpectedSequence && a.RecordSequence <= through).ToDictionary(a => a.RecordSequence);

    /// <summary>After the walk: the audit_pruned records an anchor expected and the walk did not meet.</summary>
    public static void ReportMissingAnchorRecords(ChainWalk walk, Dictionary<long, AuditAnchor> expectedAnchors)
    {
        ArgumentNullException.ThrowIfNull(walk);
        ArgumentNullException.ThrowIfNull(expectedAnchors);
        foreach (var missing in expectedAnchors.Values.OrderBy(a => a.RecordSequence))
        {
            walk.Break(missing.RecordSequence,
                $"record {missing.RecordSequence} is missing: it is the audit_pruned record of the pruning through {missing.PrunedThroughSequence}");
        }
    }
}
